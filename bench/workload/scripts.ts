// The workload programs, written into the bench's temp dir: bash scripts that every supervisor
// runs the same way. Each one appends "<event> <name> <pid> <$EPOCHREALTIME>" to a record file
// first, so the bench knows when and as which pid it started; program commands keep the temp
// root in their argv so the reaper can find them.

import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WorkloadScripts {
  readonly dir: string;
  /** `idle.sh RECORDS NAME`: records `up`, then becomes `sleep` (exec, same pid) */
  readonly idle: string;
  /** `writer.sh RECORDS NAME FIFO DATA`: records `armed`, waits for a line on FIFO, records
   *  `go`, copies DATA to stdout, records `done` and exits 0 */
  readonly writer: string;
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

export const writeWorkloadScripts = (root: string): WorkloadScripts => {
  const dir = join(root, 'workload');
  mkdirSync(dir, { recursive: true });
  const idle = join(dir, 'idle.sh');
  const writer = join(dir, 'writer.sh');
  writeFileSync(idle, IDLE);
  writeFileSync(writer, WRITER);
  chmodSync(idle, 0o755);
  chmodSync(writer, 0o755);
  return { dir, idle, writer };
};
