// The interactive shell on a real terminal (a pty driven by a tiny Python script): tab
// completion of commands and names, the history file, Ctrl-C and Ctrl-D, a hidden password
// prompt, and Ctrl-C ending `tail -f` without leaving the shell.

import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { TSSUPERVISORCTL, writeCtlConfig } from '../fakes/ctl-runner.js';
import { fakeLogTail } from '../fakes/fake-log-tail.js';
import { STUB_LOGS, STUB_MAIN_LOG, supervisorStub } from '../fakes/supervisor-stub.js';
import { startRpcServer, type RpcTestServer } from './rpc-harness.js';

/** Sends each step's keys once the output so far contains its `after` text (with a deadline). */
const PTY_DRIVER = String.raw`
import json, os, pty, re, select, sys, time
argv, steps = json.loads(sys.argv[1])
ansi = re.compile(rb'\x1b\[[0-9;]*[A-Za-z]')
pid, fd = pty.fork()
if pid == 0:
    os.execv(argv[0], argv)
out = b''
mark = 0
def read_until(text, deadline):
    # Only what appeared since the last keys were typed counts.
    global out
    while text.encode() not in ansi.sub(b'', out[mark:]).replace(b'\r\r\n', b'\r\n'):
        if time.time() > deadline:
            raise SystemExit('timed out waiting for %r in %r' % (text, out.decode(errors='replace')))
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                return
            if not chunk:
                return
            out += chunk
for after, keys in steps:
    read_until(after, time.time() + 10)
    mark = len(out)
    os.write(fd, keys.encode())
deadline = time.time() + 10
while True:
    ready, _, _ = select.select([fd], [], [], 0.05)
    if ready:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    elif time.time() > deadline:
        os.kill(pid, 9)
        break
_, status = os.waitpid(pid, 0)
print(json.dumps({'output': out.decode(errors='replace'), 'exit': os.waitstatus_to_exitcode(status)}))
`;

interface TtyRun {
  /** What the terminal showed, cursor-movement escapes removed. */
  readonly output: string;
  readonly exit: number;
}

// eslint-disable-next-line no-control-regex -- terminal escape sequences
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

/**
 * `steps`: [text to wait for, keys to type]. Tab must be typed on its own: readline takes
 * several keys arriving at once for a paste, and does not complete inside a paste.
 */
const runOnTty = (args: readonly string[], steps: readonly [string, string][]): Promise<TtyRun> =>
  new Promise((resolve, reject) => {
    const argv = [process.execPath, TSSUPERVISORCTL, ...args];
    execFile(
      'python3',
      ['-c', PTY_DRIVER, JSON.stringify([argv, steps])],
      { timeout: 30_000 },
      (error, stdout, stderr) => {
        if (error !== null) {
          reject(new Error(`${error.message}\n${stderr}`));
          return;
        }
        const run = JSON.parse(stdout) as TtyRun;
        // Node's readline ends an entered line with \r\n, which a pty shows as \r\r\n.
        resolve({ ...run, output: run.output.replace(ANSI, '').replaceAll('\r\r\n', '\r\n') });
      },
    );
  });

const PROMPT = 'supervisor> ';
const UP = '\x1b[A';

let server: RpcTestServer;
let config: string;
beforeAll(async () => {
  server = await startRpcServer({
    methods: supervisorStub(),
    logTail: fakeLogTail({ 'sleeper/stdout': STUB_LOGS['sleeper'] ?? '', main: STUB_MAIN_LOG }),
  });
  config = writeCtlConfig(server.dir.join('ctl.conf'), [`serverurl=${server.unixUrl}`]);
});
afterAll(async () => {
  await server.close();
});

it('completes command names and process names with Tab', async () => {
  const run = await runOnTty(
    ['-c', config],
    [
      [PROMPT, 'versi'],
      // Completion writes only what it adds to the word.
      ['versi', '\t'],
      ['on ', '\r'],
      ['4.2.5', 'pid slee'],
      ['slee', '\t'],
      ['per ', '\r'],
      ['8466', 'status gr'],
      ['gr', '\t'],
      ['p:', '\t'],
      ['grp:*', '\x15exit\r'],
    ],
  );
  expect(run.output).toContain(`${PROMPT}version \r\n4.2.5`);
  expect(run.output).toContain(`${PROMPT}pid sleeper \r\n8466`);
  // Two tabs on an ambiguous word list the candidates.
  expect(run.output).toMatch(/grp:nocmd\s+grp:\*\s+grp:quick/);
  expect(run.exit).toBe(0);
});

it('keeps the history in the -r file across sessions', async () => {
  const history = server.dir.join('history');
  writeFileSync(history, 'pid\n');
  await runOnTty(
    ['-c', config, '-r', history],
    [
      [PROMPT, 'version\r'],
      ['4.2.5', '\x04'],
    ],
  );
  expect(readFileSync(history, 'utf8')).toBe('pid\nversion\n');
  const again = await runOnTty(
    ['-c', config, '-r', history],
    [
      [PROMPT, `${UP}${UP}\r`],
      ['4242', '\x04'],
    ],
  );
  expect(again.output).toContain(`${PROMPT}pid\r\n4242`);
});

it('leaves on Ctrl-D and on Ctrl-C at the prompt, with exit status 0', async () => {
  for (const key of ['\x04', '\x03']) {
    const run = await runOnTty(['-c', config], [[PROMPT, key]]);
    expect(run.exit).toBe(0);
    expect(run.output.endsWith(`${PROMPT}\r\n`)).toBe(true);
  }
});

it('stops tail -f on Ctrl-C and returns to the prompt', async () => {
  const run = await runOnTty(
    ['-c', config],
    [
      [PROMPT, 'tail -f sleeper\r'],
      ['still sleeping', '\x03'],
      [`\r\n${PROMPT}`, 'version\r'],
      ['4.2.5', 'exit\r'],
    ],
  );
  expect(run.output).toContain('==> Press Ctrl-C to exit <==\r\nzzz\r\nstill sleeping\r\n');
  expect(run.exit).toBe(0);
});

it('asks for credentials on a 401 without echoing the password', async () => {
  const secured = await startRpcServer({
    methods: supervisorStub(),
    auth: { username: 'alice', password: 's3cret' },
  });
  try {
    const conf = writeCtlConfig(secured.dir.join('ctl.conf'), [`serverurl=${secured.unixUrl}`]);
    const history = secured.dir.join('history');
    const run = await runOnTty(
      ['-c', conf, '-r', history],
      [
        ['Username:', 'alice\r'],
        ['Password:', 's3cret\r'],
        [PROMPT, 'version\r'],
        ['4.2.5', 'exit\r'],
      ],
    );
    expect(run.output).toContain('Server requires authentication');
    expect(run.output).toContain('sleeper');
    expect(run.output).not.toContain('s3cret');
    expect(readFileSync(history, 'utf8')).not.toContain('s3cret');
  } finally {
    await secured.close();
  }
});
