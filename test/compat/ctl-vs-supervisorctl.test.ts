// The real supervisorctl 4.2.5 and tssupervisorctl, run as processes against the same canned
// server with the same config file: stdout, stderr and exit code must be identical, except for
// the deliberate differences documented in docs/ctl.md ("Deliberate differences").

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  runOurs,
  runTheirs,
  SUPERVISORCTL,
  TSSUPERVISORCTL,
  writeCtlConfig,
  type ProcessRun,
  type RunOptions,
} from '../fakes/ctl-runner.js';
import { fakeLogTail } from '../fakes/fake-log-tail.js';
import { STUB_LOGS, STUB_MAIN_LOG, supervisorStub } from '../fakes/supervisor-stub.js';
import { makeTempDir, type TempDir } from '../helpers/temp-dir.js';
import { startRpcServer, type RpcTestServer } from '../integration/rpc-harness.js';

/**
 * The deliberate differences, each documented in docs/ctl.md:
 * - help: our own help text after a usage error's first line (and for -h / help <cmd>);
 * - error: where supervisorctl prints a Python traceback summary, we print one `error:` line;
 * - group-clear: `clear g:*` names `g:*` where supervisorctl prints `g:None`;
 * - auth: on a 401 supervisorctl retries once and adds a traceback line; we do not.
 */
type Allowed = 'help' | 'error' | 'group-clear' | 'auth';

interface Case {
  readonly args: readonly string[];
  readonly allow?: Allowed;
  readonly input?: string;
}

const progname = (text: string): string =>
  text.replace(/For help, use \S+ -h/g, 'For help, use <ctl> -h');

interface Transcript {
  readonly stdout: string;
  readonly stderr: string;
  readonly exit: number | null;
}

const transcript = (run: ProcessRun): Transcript => ({
  stdout: progname(run.stdout),
  stderr: progname(run.stderr),
  exit: run.exit,
});

const firstLines = (t: Transcript): Transcript => ({
  ...t,
  stdout: t.stdout.split('\n')[0] ?? '',
  stderr: t.stderr.split('\n')[0] ?? '',
});

/** Both sides after the allowed difference is taken out; they must then be equal. */
const compared = (allow: Allowed | undefined, theirs: Transcript, ours: Transcript) => {
  switch (allow) {
    case undefined:
      return { theirs, ours };
    case 'help':
      // Same first line (the error), and both go on to print some help.
      expect(ours.stdout.split('\n').length + ours.stderr.split('\n').length).toBeGreaterThan(2);
      return { theirs: firstLines(theirs), ours: firstLines(ours) };
    case 'error': {
      const oneErrorLine = /^error: [^\n]+\n$/;
      expect(theirs.stdout).toMatch(oneErrorLine);
      expect(ours.stdout).toMatch(oneErrorLine);
      return { theirs: { ...theirs, stdout: '' }, ours: { ...ours, stdout: '' } };
    }
    case 'group-clear':
      return { theirs: { ...theirs, stdout: theirs.stdout.replace(/:None:/g, ':*:') }, ours };
    case 'auth': {
      const lines = theirs.stdout.split('\n');
      expect(lines[1]).toMatch(/^error: <class 'xmlrpc\.client\.ProtocolError'>/);
      return { theirs: { ...theirs, stdout: `${lines[0] ?? ''}\n` }, ours };
    }
  }
};

const expectSame = async (config: string, { args, allow, input }: Case): Promise<void> => {
  const options: RunOptions = input === undefined ? {} : { input };
  const [theirs, ours] = await Promise.all([
    runTheirs(['-c', config, ...args], options),
    runOurs(['-c', config, ...args], options),
  ]);
  const sides = compared(allow, transcript(theirs), transcript(ours));
  expect(sides.ours, `tssupervisorctl ${args.join(' ')}`).toEqual(sides.theirs);
};

const COMMANDS: readonly Case[] = [
  { args: ['status'] },
  { args: ['status', 'sleeper'] },
  { args: ['status', 'grp:*'] },
  { args: ['status', 'multi:'] },
  { args: ['status', 'nope', 'grp:*', 'multi', 'bad:'] },
  { args: ['status', 'all', 'nope'] },
  { args: ['status', 'sleeper', 'echoer'] },
  { args: ['status:x'] },
  { args: ['start'], allow: 'help' },
  { args: ['start', 'sleeper'] },
  { args: ['start', 'grp:nocmd'] },
  { args: ['start', 'grp:quick'] },
  { args: ['start', 'nope'] },
  { args: ['start', 'grp:*'] },
  { args: ['start', 'nope:*'] },
  { args: ['start', 'all'] },
  { args: ['start', 'sleeper', 'grp:nocmd', 'grp:quick', 'nope', 'multi:*', 'bad:*'] },
  { args: ['stop'], allow: 'help' },
  { args: ['stop', 'sleeper'] },
  { args: ['stop', 'grp:quick'] },
  { args: ['stop', 'nope'] },
  { args: ['stop', 'grp:*', 'multi:*', 'nope:*'] },
  { args: ['stop', 'all'] },
  { args: ['restart'], allow: 'help' },
  { args: ['restart', 'sleeper', 'grp:quick'] },
  { args: ['restart', 'all'] },
  { args: ['signal'], allow: 'help' },
  { args: ['signal', 'HUP'], allow: 'help' },
  { args: ['signal', 'HUP', 'sleeper'] },
  { args: ['signal', 'FOO', 'sleeper'] },
  { args: ['signal', 'HUP', 'grp:quick'] },
  { args: ['signal', 'USR1', 'multi:*', 'nope:*', 'nope'] },
  { args: ['signal', 'TERM', 'all'] },
  { args: ['tail'], allow: 'help' },
  { args: ['tail', 'sleeper'] },
  { args: ['tail', '-5', 'sleeper'] },
  { args: ['tail', '-0', 'sleeper'] },
  { args: ['tail', 'sleeper', 'stderr'] },
  { args: ['tail', 'sleeper', 'STDOUT'] },
  { args: ['tail', 'nope'] },
  { args: ['tail', '-f'] },
  { args: ['tail', 'sleeper', 'x'] },
  { args: ['tail', 'sleeper', "it's"] },
  { args: ['tail', '-x', 'sleeper'] },
  { args: ['tail', 'a', 'b', 'c', 'd'], allow: 'help' },
  { args: ['tail', '-f', 'nope'] },
  { args: ['maintail'] },
  { args: ['maintail', '-20'] },
  { args: ['maintail', 'x'] },
  { args: ['maintail', '-f', 'x'], allow: 'help' },
  { args: ['pid'] },
  { args: ['pid', 'all'] },
  { args: ['pid', 'sleeper', 'grp:quick'] },
  { args: ['pid', 'nope', 'sleeper'] },
  { args: ['clear'], allow: 'help' },
  { args: ['clear', 'sleeper', 'nope'] },
  { args: ['clear', 'sleeper', 'grp:*'], allow: 'group-clear' },
  { args: ['clear', 'all'] },
  { args: ['avail'] },
  { args: ['avail', 'x'], allow: 'help' },
  { args: ['reread'] },
  { args: ['reread', 'x'], allow: 'help' },
  { args: ['update'] },
  { args: ['update', 'all'] },
  { args: ['update', 'newprog'] },
  { args: ['update', 'nope', 'multi'] },
  { args: ['add', 'newprog', 'sleeper', 'nope'] },
  { args: ['add'] },
  { args: ['remove', 'gone', 'sleeper', 'nope'] },
  { args: ['reload'] },
  { args: ['reload', 'x'], allow: 'help' },
  { args: ['shutdown'] },
  { args: ['shutdown', 'x'], allow: 'help' },
  { args: ['version'] },
  { args: ['version', 'x'], allow: 'help' },
  { args: ['open', 'foo'] },
  { args: ['open', 'unix:///nonexistent/ctl.sock'] },
  { args: ['help'] },
  { args: ['?'] },
  { args: ['help', 'foo'] },
  { args: ['help', 'EOF'] },
  { args: ['foo', 'bar'] },
  { args: ['!ls'] },
  { args: ['--', '-x-'] },
  { args: ['exit'] },
  { args: ['quit'] },
  { args: [''] },
  { args: ['fg'], allow: 'help' },
  { args: ['fg', 'a', 'b'] },
  { args: ['fg', 'nope'] },
  { args: ['fg', 'grp:quick'] },
  { args: ['start sleeper', 'nope'] },
];

const COMMAND_LINE: readonly Case[] = [
  { args: ['-x'] },
  { args: ['--badopt=3', 'status'] },
  { args: ['-s'] },
  { args: ['--serverurl'] },
  { args: ['-s', 'foo', 'status'] },
  { args: ['--s=foo', 'status'] },
  { args: ['-s', 'http://', 'status'] },
  { args: ['-i', '-i', 'version'] },
  { args: ['-u', 'a', '--username=b', 'version'] },
  { args: ['--interactive=1'] },
  { args: ['--history-file=x'] },
  { args: ['-h', '-x'] },
  { args: ['-i', 'version'] },
];

const SHELL: readonly Case[] = [
  { args: [], input: 'status nope\nfoo\n\nversion\npid grp:quick\n' },
  { args: [], input: 'start sleeper\nexit\nversion\n' },
  { args: [], input: 'shutdown\nn\nreload\nno\nversion' },
  { args: ['-i'], input: 'help\n' },
];

describe('against a working supervisord', () => {
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

  it.concurrent.each(COMMANDS)('$args', async (c) => expectSame(config, c));
  it.concurrent.each(COMMAND_LINE)('options $args', async (c) => expectSame(config, c));
  it.concurrent.each(SHELL)('shell on a pipe: $input', async (c) => expectSame(config, c));
});

const UPCHECKED = [
  'status',
  'start x',
  'stop x',
  'restart x',
  'signal HUP x',
  'tail x',
  'maintail',
  'clear x',
  'pid',
  'version',
  'fg x',
];
const NOT_UPCHECKED = ['avail', 'reread', 'update', 'add x', 'remove x', 'reload'];

/** Every command, as a separate command line. */
const each = (lines: readonly string[], allow?: Allowed): Case[] =>
  lines.map((line) => ({ args: line.split(' '), ...(allow === undefined ? {} : { allow }) }));

describe('when no daemon listens', () => {
  let dir: TempDir;
  let refusedConfig: string;
  let missingConfig: string;
  beforeAll(async () => {
    dir = makeTempDir('tss-ctlcompat-');
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const address = probe.address();
    const port = typeof address === 'object' && address !== null ? address.port : 1;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    refusedConfig = writeCtlConfig(dir.join('refused.conf'), [
      `serverurl=http://127.0.0.1:${port}`,
    ]);
    missingConfig = writeCtlConfig(dir.join('missing.conf'), [
      `serverurl=unix://${dir.join('gone.sock')}`,
    ]);
  });
  afterAll(() => dir.remove());

  const cases = [...each(UPCHECKED), ...each(NOT_UPCHECKED, 'error'), { args: ['shutdown'] }];
  it.concurrent.each(cases)('refused: $args', async (c) => expectSame(refusedConfig, c));
  it.concurrent.each(cases)('socket missing: $args', async (c) => expectSame(missingConfig, c));
  it.concurrent.each([{ args: [] as string[], input: 'version\n' }])(
    'refused, in the shell',
    async (c) => expectSame(refusedConfig, c),
  );
});

/**
 * Servers that answer the connection check, or some commands, with a fault. `errors` lists the
 * command lines where supervisorctl prints a traceback summary and we print one `error:` line.
 */
const FAULTY_SERVERS = [
  {
    name: 'without the supervisor namespace',
    options: { methods: [] },
    errors: [...NOT_UPCHECKED, 'shutdown'],
  },
  {
    name: 'with another API version',
    options: { methods: supervisorStub({ apiVersion: '2.0' }) },
    errors: [],
  },
  {
    name: 'while shutting down',
    options: { methods: supervisorStub(), shuttingDown: () => true },
    errors: [...UPCHECKED, 'remove x'],
  },
] as const;

describe.each(FAULTY_SERVERS)('against a server $name', ({ options, errors }) => {
  let server: RpcTestServer;
  let config: string;
  beforeAll(async () => {
    server = await startRpcServer(options);
    config = writeCtlConfig(server.dir.join('ctl.conf'), [`serverurl=${server.unixUrl}`]);
  });
  afterAll(async () => {
    await server.close();
  });

  const lines = [...UPCHECKED, ...NOT_UPCHECKED, 'shutdown'];
  const cases: Case[] = lines.map((line) => ({
    args: line.split(' '),
    ...((errors as readonly string[]).includes(line) ? { allow: 'error' as const } : {}),
  }));
  it.concurrent.each(cases)('$args', async (c) => expectSame(config, c));
});

describe('against a server that wants credentials', () => {
  let server: RpcTestServer;
  beforeAll(async () => {
    server = await startRpcServer({
      methods: supervisorStub(),
      auth: { username: 'alice', password: 's3cret' },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it.concurrent.each(each(['status', 'version', 'avail']))('none given: $args', async (c) => {
    const config = writeCtlConfig(server.dir.join('none.conf'), [`serverurl=${server.unixUrl}`]);
    await expectSame(config, { ...c, allow: 'auth' });
  });
  it.concurrent.each(each(['status', 'avail', 'tail sleeper']))('given: $args', async (c) => {
    const config = writeCtlConfig(server.dir.join('given.conf'), [
      `serverurl=${server.unixUrl}`,
      'username=alice',
      'password=s3cret',
    ]);
    await expectSame(config, c);
  });
});

describe('tail -f and maintail -f until Ctrl-C', () => {
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

  it.each([
    [['tail', '-f', 'sleeper'], STUB_LOGS['sleeper'] ?? ''],
    [['maintail', '-f'], STUB_MAIN_LOG],
  ])('%j', async (args, content) => {
    const follow = (command: string, prefix: readonly string[]) =>
      followUntil(command, [...prefix, '-c', config, ...args], content);
    const [theirs, ours] = await Promise.all([
      follow(SUPERVISORCTL, []),
      follow(process.execPath, [TSSUPERVISORCTL]),
    ]);
    expect(ours).toEqual(withoutInterruptQuirk(theirs));
    expect(ours.stdout).toBe(`==> Press Ctrl-C to exit <==\n${content}\n`);
  });
});

/**
 * When Ctrl-C lands inside supervisorctl's asyncore loop (it depends on timing), it reports
 * "Cannot connect, error: <class 'KeyboardInterrupt'> ()" on stderr and skips the final empty
 * line; otherwise it prints just the empty line, as we always do.
 */
const withoutInterruptQuirk = (t: Transcript): Transcript => {
  const quirk = /^\S+ Cannot connect, error: <class 'KeyboardInterrupt'> \(\)\n$/;
  return quirk.test(t.stderr) ? { ...t, stderr: '', stdout: `${t.stdout}\n` } : t;
};

/** Starts a follower, waits for `content`, presses Ctrl-C, returns what it printed. */
const followUntil = (command: string, args: readonly string[], content: string) =>
  new Promise<Transcript>((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, LANG: 'C.UTF-8' } });
    let stdout = '';
    let stderr = '';
    const deadline = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (stdout.endsWith(content)) {
        child.kill('SIGINT');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (exit) => {
      clearTimeout(deadline);
      resolve({ stdout, stderr, exit });
    });
  });
