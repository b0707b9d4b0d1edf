// Hostile clients on [inet_http_server] (issue 9, item 4): 1,100 unauthenticated connections
// that sit idle, stall in the middle of a request, or take their 401 and keep the socket open,
// and come back when closed. Meanwhile an authenticated getState on a new connection must be
// answered within 1 s every time, the real supervisorctl must work, and the daemon's
// descriptors must stay bounded and fall back once the attackers go.

import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { connect, type Socket } from 'node:net';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  baseConfig,
  killDaemon,
  PROGRAMS,
  startDaemon,
  type RunningDaemon,
} from '../helpers/daemon-harness.js';
import { waitFor } from '../helpers/wait-for.js';
import { soakMs } from './fault-durations.js';
import { freePort } from '../helpers/ports.js';

const run = promisify(execFile);

const ATTACKERS = 1100;
/** A persistent attacker: connections the daemon closes are reopened, this many per second. */
const REOPEN_PER_SECOND = 500;
const HOLD_MS = soakMs(4000, 60_000);
/** The daemon's budget for unauthenticated connections (DEFAULT_HTTP_SERVER_LIMITS). */
const UNTRUSTED_BUDGET = 256;
const USER = 'user';
const PASSWORD = 'pass';

const openFds = (pid: number): number => readdirSync(`/proc/${pid}/fd`).length;

const rssMb = (pid: number): number =>
  Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

type Variant = 'idle' | 'partial request' | 'unauthorized, kept open';

const OPENING: Record<Variant, string> = {
  idle: '',
  'partial request': 'POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\n',
  'unauthorized, kept open': 'GET /RPC2 HTTP/1.1\r\nHost: x\r\n\r\n',
};

interface Attack {
  /** Connections the attacker holds open right now (from its side). */
  open(): number;
  /** Connections that got established so far, reopened ones included. */
  connected(): number;
  stop(): void;
}

/** `count` connections held open (never closed from this side), reopened when the server closes them. */
const attack = (port: number, variant: Variant, count: number): Attack => {
  const sockets = new Set<Socket>();
  let wanted = count;
  let connected = 0;
  const openOne = (): void => {
    // allowHalfOpen: the client's end stays open after the server's FIN, as a hostile one would.
    const socket = connect({ host: '127.0.0.1', port, allowHalfOpen: true });
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('data', () => undefined);
    socket.once('close', () => sockets.delete(socket));
    socket.once('connect', () => {
      connected += 1;
      if (OPENING[variant] !== '') {
        socket.write(OPENING[variant]);
      }
    });
  };
  for (let i = 0; i < count; i += 1) {
    openOne();
  }
  // The server's FIN ('end') or reset ('close') both count as "closed by the server".
  const live = (): number => [...sockets].filter((s) => !s.destroyed && !s.readableEnded).length;
  const refill = setInterval(() => {
    for (const socket of sockets) {
      if (socket.readableEnded) {
        socket.destroy(); // we noticed: let it go, and take a fresh one
      }
    }
    const missing = Math.min(wanted - sockets.size, REOPEN_PER_SECOND / 10);
    for (let i = 0; i < missing; i += 1) {
      openOne();
    }
  }, 100);
  return {
    open: live,
    connected: () => connected,
    stop: () => {
      wanted = 0;
      clearInterval(refill);
      sockets.forEach((socket) => socket.destroy());
    },
  };
};

const GET_STATE =
  "<?xml version='1.0'?>\n<methodCall>\n<methodName>supervisor.getState</methodName>\n<params>\n</params>\n</methodCall>\n";

/** supervisor.getState with credentials, on a new connection; ms taken, or the failure. */
const getState = (port: number): Promise<{ ms: number } | { error: string }> =>
  new Promise((resolve) => {
    const started = performance.now();
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/RPC2',
        agent: false,
        auth: `${USER}:${PASSWORD}`,
        headers: { 'Content-Type': 'text/xml', 'Content-Length': Buffer.byteLength(GET_STATE) },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve(
            response.statusCode === 200 && body.includes('RUNNING')
              ? { ms: performance.now() - started }
              : { error: `HTTP ${response.statusCode ?? '?'}: ${body.slice(0, 100)}` },
          ),
        );
      },
    );
    request.setTimeout(1000, () => request.destroy(new Error('no answer within 1 s')));
    request.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ error: error.code ?? error.message }),
    );
    request.end(GET_STATE);
  });

const supervisorctlStatus = async (port: number): Promise<{ code: number; out: string }> => {
  const args = ['-s', `http://127.0.0.1:${port}`, '-u', USER, '-p', PASSWORD, 'status'];
  try {
    const { stdout } = await run('supervisorctl', args, { timeout: 10_000 });
    return { code: 0, out: stdout };
  } catch (error: unknown) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: `${failed.stdout}${failed.stderr}` };
  }
};

let daemon: RunningDaemon | undefined;
let port = 0;
let baselineFds = 0;
let baselineRssMb = 0;

beforeAll(async () => {
  port = await freePort();
  daemon = startDaemon(
    baseConfig(`
[inet_http_server]
port=127.0.0.1:${port}
username=${USER}
password=${PASSWORD}

[program:sleeper]
command=${process.execPath} ${PROGRAMS}/forever.mjs
startsecs=0
`),
  );
  await daemon.waitForLog('success: sleeper entered RUNNING state');
  const pid = daemon.pid;
  await waitFor(async () => 'ms' in (await getState(port)), { what: 'the TCP listener' });
  baselineFds = openFds(pid);
  baselineRssMb = rssMb(pid);
});

afterAll(async () => {
  await killDaemon(daemon);
});

describe.each<Variant>(['idle', 'partial request', 'unauthorized, kept open'])(
  '%s connections',
  (variant) => {
    it(`never lock out an authenticated client (${ATTACKERS} held for ${HOLD_MS} ms)`, async () => {
      const pid = daemon!.pid;
      const attacker = attack(port, variant, ATTACKERS);
      const latencies: number[] = [];
      const failures: string[] = [];
      let maxFds = 0;
      let maxRssMb = 0;
      let ctl: { code: number; out: string } | undefined;
      try {
        // Held: every one of them connected (the first burst is over), the budget's worth open.
        await waitFor(
          () => attacker.connected() >= ATTACKERS && attacker.open() >= UNTRUSTED_BUDGET,
          {
            what: 'the attack to be in place',
          },
        );
        const until = performance.now() + HOLD_MS;
        const ctlRun = supervisorctlStatus(port).then((result) => (ctl = result));
        while (performance.now() < until) {
          const result = await getState(port);
          if ('ms' in result) {
            latencies.push(result.ms);
          } else {
            failures.push(result.error);
          }
          maxFds = Math.max(maxFds, openFds(pid));
          maxRssMb = Math.max(maxRssMb, rssMb(pid));
          await new Promise((resolve) => setTimeout(resolve, 50)); // pacing: ~15 probes a second
        }
        await ctlRun;
      } finally {
        attacker.stop();
      }
      const sorted = [...latencies].sort((a, b) => a - b);
      const summary =
        `${variant}: ${latencies.length} answers, p50 ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, ` +
        `max ${sorted.at(-1)?.toFixed(1)} ms; daemon fds ${baselineFds} → max ${maxFds}, ` +
        `RSS ${baselineRssMb.toFixed(0)} → max ${maxRssMb.toFixed(0)} MB`;
      console.log(summary);
      expect(failures, summary).toEqual([]);
      expect(latencies.length).toBeGreaterThan(HOLD_MS / 1000);
      expect(sorted.at(-1)).toBeLessThan(1000);
      expect(ctl?.code, ctl?.out).toBe(0);
      expect(ctl?.out).toMatch(/^sleeper\s+RUNNING\s+pid \d+/);
      // The attack's share is bounded by the untrusted budget (plus a few in flight).
      expect(maxFds).toBeLessThan(baselineFds + UNTRUSTED_BUDGET + 32);
      expect(maxRssMb).toBeLessThan(baselineRssMb + 64);
      await waitFor(() => openFds(pid) <= baselineFds + 4, {
        timeoutMs: 5000,
        what: `the daemon's descriptors to fall back to ${baselineFds} (${openFds(pid)} as the attack stopped)`,
      });
    });
  },
);
