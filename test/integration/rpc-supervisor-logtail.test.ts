// GET /logtail/<name>[/stderr] and /mainlogtail on the real daemon: the tail of the file, then
// new output as the child writes it, across rotations (not a byte lost or repeated), through
// clearProcessLogs and truncation; 404 where there is nothing to follow.

import { request } from 'node:http';
import { existsSync, truncateSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import { killDaemon, PROGRAMS } from '../helpers/daemon-harness.js';
import { waitFor } from '../helpers/wait-for.js';
import {
  startSupervisor,
  type SupervisorUnderTest,
  waitForState,
} from './rpc-supervisor-harness.js';

const node = process.execPath;
let sut: SupervisorUnderTest | undefined;
afterEach(async () => {
  sut?.close();
  await killDaemon(sut?.daemon);
  sut = undefined;
});

interface Follower {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  text(): string;
  close(): void;
}

const follow = (socketPath: string, path: string): Promise<Follower> =>
  new Promise((resolve, reject) => {
    const req = request({ socketPath, path, method: 'GET' }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('error', () => undefined);
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        text: () => text,
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });

const CONF = `
[program:ticker]
command=${node} ${PROGRAMS}/forever.mjs 20
stdout_logfile=%(here)s/ticker.log
stdout_logfile_maxbytes=1KB
stdout_logfile_backups=2
startsecs=0

[program:merged]
command=/bin/sh -c "echo out; echo err >&2; exec sleep 1000"
redirect_stderr=true
startsecs=0

[program:quiet]
command=sleep 1000
stdout_logfile=NONE
startsecs=0

[program:never]
command=sleep 1000
stdout_logfile=%(here)s/never.log
autostart=false
`;

/** The tick numbers in a stream, which must run on without a gap or a repeat. */
const ticks = (text: string): number[] =>
  [...text.matchAll(/^tick (\d+)$/gm)].map((m) => Number(m[1]));

describe('/logtail and /mainlogtail on the daemon', () => {
  it('follows a process log across rotations without losing or repeating a line', async () => {
    sut = await startSupervisor(CONF);
    const socket = sut.daemon.dir.join('supervisor.sock');
    await waitForState(sut.rpc, 'ticker', 'RUNNING');
    const tail = await follow(socket, '/logtail/ticker');
    expect(tail.status).toBe(200);
    expect(tail.headers['content-type']).toBe('text/plain;charset=utf-8');
    expect(tail.headers['x-accel-buffering']).toBe('no');
    // 20 ms per tick and 1 KB per file: a rotation every two seconds or so.
    await waitFor(() => ticks(tail.text()).length > 300, { timeoutMs: 20_000, what: '300 ticks' });
    tail.close();
    const seen = ticks(tail.text());
    expect(seen).toEqual(seen.map((_, i) => (seen[0] ?? 0) + i));
    expect(tail.text()).not.toContain('File truncated');
    expect(existsSync(sut.daemon.dir.join('ticker.log.2'))).toBe(true);
    expect(sut.daemon.mainLog()).not.toMatch(/unexpected exception|internal error/);
  });

  it('announces a truncated file and goes on through clearProcessLogs', async () => {
    sut = await startSupervisor(CONF);
    const socket = sut.daemon.dir.join('supervisor.sock');
    await waitForState(sut.rpc, 'ticker', 'RUNNING');
    const tail = await follow(socket, '/logtail/ticker/stdout');
    await waitFor(() => tail.text().includes('tick 3\n'));
    truncateSync(sut.daemon.dir.join('ticker.log'), 0);
    await waitFor(() => tail.text().includes('==> File truncated <==\n'));
    expect(await sut.rpc.call('supervisor.clearProcessLogs', ['ticker'])).toBe(true);
    const before = tail.text().length;
    await waitFor(() => /tick \d+\n/.test(tail.text().slice(before)), {
      what: 'ticks after the clear',
    });
    tail.close();
  });

  it('streams the main log and answers 404 where there is nothing to follow', async () => {
    sut = await startSupervisor(CONF);
    const socket = sut.daemon.dir.join('supervisor.sock');
    await waitForState(sut.rpc, 'merged', 'RUNNING');
    const main = await follow(socket, '/mainlogtail');
    expect(main.status).toBe(200);
    expect(main.headers['x-accel-buffering']).toBeUndefined();
    await waitFor(() => main.text().includes("spawned: 'merged'"));
    await sut.rpc.call('supervisor.startProcess', ['never']);
    await waitFor(() => main.text().includes("spawned: 'never'"), { what: 'a new main log line' });
    main.close();

    const merged = await follow(socket, '/logtail/merged');
    await waitFor(() => merged.text().includes('out\nerr\n'));
    merged.close();
    for (const path of [
      '/logtail/merged/stderr',
      '/logtail/quiet',
      '/logtail/nope',
      '/logtail/merged:*',
      '/logtail/merged/bogus',
    ]) {
      const answer = await follow(socket, path);
      expect({ path, status: answer.status }).toEqual({ path, status: 404 });
      answer.close();
    }
  });

  it('answers 404 for a log file that does not exist yet', async () => {
    sut = await startSupervisor(CONF);
    const answer = await follow(sut.daemon.dir.join('supervisor.sock'), '/logtail/never');
    expect(answer.status).toBe(404);
    answer.close();
  });
});
