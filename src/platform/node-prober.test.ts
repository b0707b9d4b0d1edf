// The real Prober against real sockets on 127.0.0.1 and a real /bin/sh.

import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import type { ProbeSubject } from '../ports/prober.js';
import { NodeProber } from './node-prober.js';

const prober = new NodeProber();
const subject = (): ProbeSubject => ({
  env: { PATH: '/usr/bin:/bin', X: 'y' },
  cwd: null,
  uid: null,
  gid: null,
});
const servers: (Server | HttpServer)[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          if ('closeAllConnections' in s) {
            s.closeAllConnections();
          }
          s.close(() => resolve());
        }),
    ),
  );
});

const listening = async (server: Server | HttpServer): Promise<number> => {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return typeof address === 'object' && address !== null ? address.port : 0;
};

/** A port nothing listens on: one just closed. */
const closedPort = async (): Promise<number> => {
  const server = createServer();
  const port = await listening(server);
  servers.splice(servers.indexOf(server), 1);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

const httpAnswering = (status: number) =>
  listening(
    createHttpServer((req, res) => {
      res.writeHead(status, status === 302 ? { Location: '/elsewhere' } : {});
      res.end(req.headers['user-agent'] === 'tssupervisor-probe' ? 'ok' : 'who?');
    }),
  );

const http = (port: number, path = '/health') =>
  ({ kind: 'http', url: `http://127.0.0.1:${port}${path}` }) as const;

describe('http probes', () => {
  it('passes on 2xx and 3xx, fails on 5xx with the status', async () => {
    expect(await prober.probe(http(await httpAnswering(200)), subject, 1000)).toEqual({ ok: true });
    expect(await prober.probe(http(await httpAnswering(302)), subject, 1000)).toEqual({ ok: true });
    expect(await prober.probe(http(await httpAnswering(503)), subject, 1000)).toEqual({
      ok: false,
      reason: 'HTTP 503',
    });
  });

  it('fails a refused connection and a server that never answers, within the timeout', async () => {
    expect(await prober.probe(http(await closedPort()), subject, 1000)).toEqual({
      ok: false,
      reason: 'connection refused',
    });
    const silent = await listening(createHttpServer(() => undefined));
    const began = Date.now();
    expect(await prober.probe(http(silent), subject, 300)).toEqual({
      ok: false,
      reason: 'timed out after 0.3 s',
    });
    expect(Date.now() - began).toBeLessThan(2000);
  });

  it('refuses https and nonsense without throwing', async () => {
    expect(await prober.probe({ kind: 'http', url: 'https://127.0.0.1/' }, subject, 500)).toEqual({
      ok: false,
      reason: 'https is not supported',
    });
    expect(await prober.probe({ kind: 'http', url: 'not a url' }, subject, 500)).toEqual({
      ok: false,
      reason: 'bad URL',
    });
  });
});

describe('tcp probes', () => {
  it('passes when a connection is accepted, fails when refused', async () => {
    const port = await listening(createServer((socket) => socket.end()));
    expect(await prober.probe({ kind: 'tcp', host: '127.0.0.1', port }, subject, 1000)).toEqual({
      ok: true,
    });
    const closed = await closedPort();
    expect(
      await prober.probe({ kind: 'tcp', host: '127.0.0.1', port: closed }, subject, 1000),
    ).toEqual({ ok: false, reason: 'connection refused' });
  });
});

describe('exec probes', () => {
  it('passes on exit 0 with the subject environment, fails with the status', async () => {
    expect(await prober.probe({ kind: 'exec', command: 'test "$X" = y' }, subject, 2000)).toEqual({
      ok: true,
    });
    expect(await prober.probe({ kind: 'exec', command: 'exit 3' }, subject, 2000)).toEqual({
      ok: false,
      reason: 'exit status 3',
    });
  });

  it('kills a command still running at its timeout, with its whole process group', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const pidFile = `${mkdtempSync(`${tmpdir()}/probe-`)}/pgid`;
    const result = await prober.probe(
      { kind: 'exec', command: `echo $$ > ${pidFile}; sleep 30 & sleep 30` },
      subject,
      300,
    );
    expect(result).toEqual({ ok: false, reason: 'timed out after 0.3 s' });
    const pgid = Number(readFileSync(pidFile, 'utf8'));
    const groupAlive = (): boolean => {
      try {
        process.kill(-pgid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const deadline = Date.now() + 3000;
    while (groupAlive() && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(groupAlive()).toBe(false);
  });
});
