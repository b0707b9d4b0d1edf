// The built tssupervisorctl against a canned supervisor.* server on real sockets (unix and
// TCP): output and exit codes of the commands, auth, the interactive shell on a pipe, and the
// clear one-line errors when no daemon is there.

import { spawn } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runOurs, runProgram, TSSUPERVISORCTL, writeCtlConfig } from '../fakes/ctl-runner.js';
import { fakeLogTail } from '../fakes/fake-log-tail.js';
import { STUB_LOGS, STUB_MAIN_LOG, supervisorStub } from '../fakes/supervisor-stub.js';
import { makeSharedDir, NOBODY, type SharedDir } from '../helpers/other-user.js';
import { makeTempDir, type TempDir } from '../helpers/temp-dir.js';
import { startRpcServer, type RpcTestServer } from './rpc-harness.js';

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

/** The built ctl as another user can run it: shim, bundle and package.json (ESM) copied. */
const sharedCtl = (shared: SharedDir): string => {
  shared.copyFromRepo('package.json');
  shared.copyFromRepo('dist/bundle');
  return shared.copyFromRepo('bin/tssupervisorctl');
};

const row = (name: string, state: string, description: string) =>
  `${name.padEnd(33)}${state.padEnd(10)}${description}\n`;

describe('over the unix socket from the config file', () => {
  it('shows the status table; exit 3 as some processes are down', async () => {
    const run = await runOurs(['-c', config, 'status']);
    expect(run.stdout).toBe(
      row('echoer', 'RUNNING', 'pid 8463, uptime 0:01:12') +
        row('grp:nocmd', 'STOPPED', 'Not started') +
        row('grp:quick', 'FATAL', 'Exited too quickly (process log may have details)') +
        row('multi:multi_0', 'RUNNING', 'pid 8464, uptime 0:01:12') +
        row('multi:multi_1', 'RUNNING', 'pid 8465, uptime 0:01:12') +
        row('sleeper', 'RUNNING', 'pid 8466, uptime 0:00:50'),
    );
    expect([run.stderr, run.exit]).toEqual(['', 3]);
  });

  it.each([
    // The last failure decides the exit status: spawn error, 7.
    [['start', 'grp:*'], 'grp:nocmd: ERROR (no such file)\ngrp:quick: ERROR (spawn error)\n', 7],
    [
      ['start', 'sleeper', 'grp:quick'],
      'sleeper: ERROR (already started)\ngrp:quick: ERROR (spawn error)\n',
      7,
    ],
    [
      ['stop', 'multi:*', 'grp:nocmd'],
      'multi:multi_0: stopped\nmulti:multi_1: stopped\ngrp:nocmd: ERROR (not running)\n',
      0,
    ],
    [
      ['signal', 'HUP', 'sleeper', 'nope'],
      'sleeper: signalled\nnope: ERROR (no such process)\n',
      1,
    ],
    [['tail', '-6', 'sleeper'], 'eping\n\n', 0],
    [['pid', 'sleeper', 'grp:nocmd'], '8466\n0\n', 7],
    [['version'], '4.2.5\n', 0],
    [['reread'], 'gone: disappeared\nmulti: changed\nnewprog: available\n', 0],
  ])('%j', async (args, stdout, exit) => {
    const run = await runOurs(['-c', config, ...args]);
    expect([run.stdout, run.stderr, run.exit]).toEqual([stdout, '', exit]);
  });

  it('prints JSON for status under --json', async () => {
    const run = await runOurs(['-c', config, '--json', 'status', 'sleeper']);
    expect(JSON.parse(run.stdout)).toMatchObject([
      { namespec: 'sleeper', state: 'RUNNING', pid: 8466, description: 'pid 8466, uptime 0:00:50' },
    ]);
    expect(run.exit).toBe(0);
  });

  it('runs a shell on piped stdin: prompts, commands, exit 0', async () => {
    const run = await runOurs(['-c', config], { input: 'pid grp:quick\nfoo\nversion' });
    expect(run.stdout).toMatch(/sleeper {26}RUNNING {3}pid 8466, uptime 0:00:50\n/);
    expect(run.stdout.slice(run.stdout.indexOf('supervisor> '))).toBe(
      'supervisor> 0\nsupervisor> *** Unknown syntax: foo\nsupervisor> 4.2.5\nsupervisor> \n',
    );
    expect(run.exit).toBe(0);
  });
});

describe('over TCP, with -s', () => {
  it('answers the same', async () => {
    const run = await runOurs(['-c', config, '-s', server.httpUrl, 'pid']);
    expect([run.stdout, run.exit]).toEqual(['4242\n', 0]);
  });
});

describe('when there is no daemon', () => {
  let dir: TempDir;
  let closedPort: number;
  beforeAll(async () => {
    dir = makeTempDir('tss-ctl-');
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const address = probe.address();
    closedPort = typeof address === 'object' && address !== null ? address.port : 1;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  });
  afterAll(() => dir.remove());

  it.each([
    ['status', 4],
    ['start', 4],
    ['version', 4],
  ])('refused: %s says so on one line, exit %i', async (verb, exit) => {
    const url = `http://127.0.0.1:${closedPort}`;
    const run = await runOurs(['-s', url, '-c', writeCtlConfig(dir.join('a.conf'), []), verb]);
    expect([run.stdout, run.stderr, run.exit]).toEqual([`${url} refused connection\n`, '', exit]);
  });

  it.each([
    ['status', 4],
    ['stop', 7],
    ['pid', 7],
  ])('socket file missing: %s says so on one line, exit %i', async (verb, exit) => {
    const url = `unix://${dir.join('missing.sock')}`;
    const run = await runOurs([
      '-c',
      writeCtlConfig(dir.join('b.conf'), [`serverurl=${url}`]),
      verb,
    ]);
    expect([run.stdout, run.stderr, run.exit]).toEqual([`${url} no such file\n`, '', exit]);
  });

  it('gives commands without a connection check a one-line error, never a stack', async () => {
    const url = `unix://${dir.join('missing.sock')}`;
    const run = await runOurs(['-s', url, '-c', writeCtlConfig(dir.join('c.conf'), []), 'avail']);
    expect([run.stdout, run.stderr, run.exit]).toEqual([`error: ${url} no such file\n`, '', 1]);
    const down = await runOurs(['-s', url, '-c', dir.join('c.conf'), 'shutdown']);
    expect(down.stdout).toBe(`ERROR: ${url} no such file (already shut down?)\n`);
  });

  it('names an unknown host on one line', async () => {
    const run = await runOurs([
      '-s',
      'http://no-such-host.invalid:9001',
      '-c',
      writeCtlConfig(dir.join('d.conf'), []),
      'status',
    ]);
    expect(run.stdout).toMatch(
      /^error: http:\/\/no-such-host\.invalid:9001: getaddrinfo (ENOTFOUND|EAI_AGAIN) no-such-host\.invalid\n$/,
    );
    expect(run.exit).toBe(1);
  });

  it('says permission denied for a socket it may not use', async () => {
    const sock = dir.join('locked.sock');
    const listener = createServer();
    await new Promise<void>((resolve) => listener.listen(sock, resolve));
    chmodSync(sock, 0o000);
    // root may connect to anything: run the ctl as nobody, who may read the dir but not the socket,
    // from a copy nobody can read (the checkout, or node, may be where nobody may not go).
    chmodSync(dir.path, 0o755);
    const config = writeCtlConfig(dir.join('locked.conf'), []);
    const args = ['-s', `unix://${sock}`, '-c', config, 'status'];
    const shared = process.getuid?.() === 0 ? makeSharedDir(NOBODY) : undefined;
    const run = await (
      shared === undefined
        ? runOurs(args)
        : runProgram(shared.node(), [sharedCtl(shared), ...args], {
            uid: NOBODY,
            cwd: shared.path,
          })
    ).finally(() => {
      listener.close();
      shared?.remove();
    });
    // supervisorctl also exits 1 here (with a Python error line).
    expect([run.stderr, run.exit]).toEqual(['', 1]);
    expect(run.stdout).toBe(
      `error: cannot connect to unix://${sock}: permission denied (EACCES)\n`,
    );
  });

  it('refuses a config file without [supervisorctl], exit 2', async () => {
    const file = dir.join('bare.conf');
    writeFileSync(file, '[supervisord]\n');
    const run = await runOurs(['-c', file, 'status']);
    expect(run.stderr).toMatch(
      /^Error: \.ini file does not include supervisorctl section\nFor help, use .*tssupervisorctl -h\n$/,
    );
    expect([run.stdout, run.exit]).toEqual(['', 2]);
  });
});

describe('with authentication', () => {
  let secured: RpcTestServer;
  beforeAll(async () => {
    secured = await startRpcServer({
      methods: supervisorStub(),
      auth: { username: 'alice', password: 's3cret' },
    });
  });
  afterAll(async () => {
    await secured.close();
  });

  it('says the server requires authentication, exit 1', async () => {
    const conf = writeCtlConfig(secured.dir.join('x.conf'), [`serverurl=${secured.unixUrl}`]);
    const run = await runOurs(['-c', conf, 'version']);
    expect([run.stdout, run.exit]).toEqual(['Server requires authentication\n', 1]);
  });

  it('sends the credentials from the command line or the config file', async () => {
    const conf = writeCtlConfig(secured.dir.join('y.conf'), [
      `serverurl=${secured.unixUrl}`,
      'username=alice',
      'password=s3cret',
    ]);
    expect((await runOurs(['-c', conf, 'version'])).stdout).toBe('4.2.5\n');
    const bare = writeCtlConfig(secured.dir.join('z.conf'), [`serverurl=${secured.httpUrl}`]);
    expect((await runOurs(['-c', bare, '-u', 'alice', '-p', 's3cret', 'pid'])).stdout).toBe(
      '4242\n',
    );
  });
});

describe('following a log on a server that behaves like medusa', () => {
  // supervisord's HTTP server never answers a log tail asked for with `Connection: close`
  // (it waits for the endless body to end); it streams chunks otherwise.
  const VERSION_ANSWER =
    "<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value><string>3.0</string></value>\n</param>\n</params>\n</methodResponse>\n";
  const answer = (socket: Socket, request: string): void => {
    if (request.startsWith('POST')) {
      socket.write(
        `HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: ${VERSION_ANSWER.length}\r\n\r\n${VERSION_ANSWER}`,
      );
    } else if (!/^connection: close/im.test(request)) {
      socket.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nhello\n\r\n');
    }
  };
  let dir: TempDir;
  let socketPath: string;
  const sockets = new Set<Socket>();
  const medusa = createServer((socket) => {
    sockets.add(socket);
    let buffered = '';
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      for (let end = buffered.indexOf('\r\n\r\n'); end >= 0; end = buffered.indexOf('\r\n\r\n')) {
        const head = buffered.slice(0, end + 4);
        const length = Number(/^content-length: (\d+)/im.exec(head)?.[1] ?? 0);
        if (buffered.length < head.length + length) {
          return;
        }
        buffered = buffered.slice(head.length + length);
        answer(socket, head);
      }
    });
    socket.on('error', () => undefined);
  });
  beforeAll(async () => {
    dir = makeTempDir('tss-medusa-');
    socketPath = dir.join('m.sock');
    await new Promise<void>((resolve) => medusa.listen(socketPath, resolve));
  });
  afterAll(async () => {
    for (const socket of sockets) {
      socket.destroy();
    }
    await new Promise<void>((resolve) => medusa.close(() => resolve()));
    dir.remove();
  });

  it('gets the log streamed, and stops on Ctrl-C', async () => {
    const conf = writeCtlConfig(dir.join('ctl.conf'), [`serverurl=unix://${socketPath}`]);
    const child = spawn(process.execPath, [TSSUPERVISORCTL, '-c', conf, 'tail', '-f', 'x']);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.endsWith('hello\n')) {
        child.kill('SIGINT');
      }
    });
    const exit = await new Promise<number | null>((resolve) => {
      const deadline = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.on('close', (code) => {
        clearTimeout(deadline);
        resolve(code);
      });
    });
    expect([stdout, exit]).toEqual(['==> Press Ctrl-C to exit <==\nhello\n\n', 0]);
  });
});
