// The real supervisorctl 4.2.5 and tssupervisorctl when things go wrong: no daemon (refused,
// socket missing), a server without supervisor.*, another API version, one shutting down, one
// that wants credentials; and tail -f / maintail -f until Ctrl-C. Same output, same exit codes,
// but for the differences documented in docs/ctl.md.

import { createServer } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  expectSame,
  followUntil,
  withoutInterruptQuirk,
  type Allowed,
  type Case,
} from '../fakes/ctl-compare.js';
import { SUPERVISORCTL, TSSUPERVISORCTL, writeCtlConfig } from '../fakes/ctl-runner.js';
import { fakeLogTail } from '../fakes/fake-log-tail.js';
import { STUB_LOGS, STUB_MAIN_LOG, supervisorStub } from '../fakes/supervisor-stub.js';
import { makeTempDir, type TempDir } from '../helpers/temp-dir.js';
import { startRpcServer, type RpcTestServer } from '../integration/rpc-harness.js';

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
    // One file per case: the cases run concurrently, and a rewrite would be read half-written.
    const config = writeCtlConfig(server.dir.join(`none-${c.args.join('-')}.conf`), [
      `serverurl=${server.unixUrl}`,
    ]);
    await expectSame(config, { ...c, allow: 'auth' });
  });
  it.concurrent.each(each(['status', 'avail', 'tail sleeper']))('given: $args', async (c) => {
    const config = writeCtlConfig(server.dir.join(`given-${c.args.join('-')}.conf`), [
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
