// The workload programs, written into the bench's temp dir: bash scripts (and one Python event
// listener) that every supervisor runs the same way. Each bash one appends "<event> <name> <pid>
// <$EPOCHREALTIME>" to a record file first, so the bench knows when and as which pid it started;
// program commands keep the temp root in their argv so the reaper can find them.

import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WorkloadScripts {
  readonly dir: string;
  /** `idle.sh RECORDS NAME`: records `up`, then becomes `sleep` (exec, same pid) */
  readonly idle: string;
  /** `writer.sh RECORDS NAME FIFO DATA`: records `armed`, waits for a line on FIFO, records
   *  `go`, copies DATA to stdout, records `done` and exits 0 */
  readonly writer: string;
  /** `logger.sh RECORDS NAME FIFO`: records `armed`, waits for a line on FIFO, records `go`,
   *  then becomes mawk (exec, same pid) writing numbered 64-byte lines to stdout until killed */
  readonly logger: string;
  /** `listener.py COUNTS`: an event listener that reads each event, answers `RESULT 2\nOK` and
   *  keeps "<events> <payload bytes>" of the PROCESS_LOG events it acknowledged in COUNTS */
  readonly listener: string;
}

const IDLE = `#!/bin/bash
# An idle program: say when it started, then sleep (same pid; argv0 names the records file).
printf 'up %s %s %s\\n' "$2" "$$" "$EPOCHREALTIME" >> "$1"
exec -a "$1:$2" sleep 2147483647
`;

const WRITER = `#!/bin/bash
# A loud program: wait for the bench's go, write DATA to stdout as fast as the pipe takes it.
printf 'armed %s %s %s\\n' "$2" "$$" "$EPOCHREALTIME" >> "$1"
read -r _ < "$3"
printf 'go %s %s %s\\n' "$2" "$$" "$EPOCHREALTIME" >> "$1"
cat "$4"
printf 'done %s %s %s\\n' "$2" "$$" "$EPOCHREALTIME" >> "$1"
`;

const LOGGER = `#!/bin/bash
# A busy logger: wait for the bench's go, then write numbered lines to stdout at full speed
# (mawk, 4 KiB writes) until killed.
printf 'armed %s %s %s\\n' "$2" "$$" "$EPOCHREALTIME" >> "$1"
read -r _ < "$3"
printf 'go %s %s %s\\n' "$2" "$$" "$EPOCHREALTIME" >> "$1"
exec -a "$1:$2" mawk 'BEGIN { for (i = 1; ; i++) printf "%010d a line from the busy, events-enabled logger\\n", i }'
`;

const LISTENER = `#!/usr/bin/env python3
# An event listener (supervisor's protocol, stdlib only): READY, read one header line and its
# payload, answer RESULT 2 / OK. Keeps "<events> <payload bytes>" of the PROCESS_LOG events it
# acknowledged in argv[1] (rewritten at most every 50 ms, and at the first event).
import os
import sys
import time

counts = sys.argv[1]
stdin = sys.stdin.buffer
stdout = sys.stdout.buffer
events = 0
data_bytes = 0
saved_at = 0.0


def save():
    tmp = counts + '.tmp'
    with open(tmp, 'w') as f:
        f.write('%d %d\\n' % (events, data_bytes))
    os.replace(tmp, counts)


save()
while True:
    stdout.write(b'READY\\n')
    stdout.flush()
    header = stdin.readline()
    if not header:
        break
    fields = dict(token.split(b':', 1) for token in header.split())
    payload = stdin.read(int(fields[b'len']))
    if fields.get(b'eventname', b'').startswith(b'PROCESS_LOG'):
        events += 1
        # the payload: one line of process tokens, then the logged data
        data_bytes += len(payload) - (payload.find(b'\\n') + 1)
    stdout.write(b'RESULT 2\\nOK')
    stdout.flush()
    now = time.monotonic()
    if events == 1 or now - saved_at >= 0.05:
        save()
        saved_at = now
`;

export const writeWorkloadScripts = (root: string): WorkloadScripts => {
  const dir = join(root, 'workload');
  mkdirSync(dir, { recursive: true });
  const idle = join(dir, 'idle.sh');
  const writer = join(dir, 'writer.sh');
  const logger = join(dir, 'logger.sh');
  const listener = join(dir, 'listener.py');
  const files: readonly (readonly [string, string])[] = [
    [idle, IDLE],
    [writer, WRITER],
    [logger, LOGGER],
    [listener, LISTENER],
  ];
  for (const [path, text] of files) {
    writeFileSync(path, text);
    chmodSync(path, 0o755);
  }
  return { dir, idle, writer, logger, listener };
};
