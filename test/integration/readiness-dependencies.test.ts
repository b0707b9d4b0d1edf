// Readiness probes, depends_on, liveness and restart pacing with real programs: an HTTP server
// that listens only after a delay, a dependent that must not spawn before it answers, a one-shot
// migration a web server waits for, a liveness failure that restarts, a paced crash loop.

import { readFileSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import { killDaemon, PROGRAMS } from '../helpers/daemon-harness.js';
import { waitFor } from '../helpers/wait-for.js';
import { startSupervisor, struct, type SupervisorUnderTest } from './rpc-supervisor-harness.js';
import { freePort } from '../helpers/ports.js';

let sut: SupervisorUnderTest | undefined;
afterEach(async () => {
  sut?.close();
  await killDaemon(sut?.daemon);
  sut = undefined;
});

const info = async (name: string) =>
  struct(await sut!.rpc.call('supervisor.getProcessInfo', [name]));

/** Position of the first line containing `text` in the main log (-1 if none). */
const lineOf = (log: string, text: string): number =>
  log.split('\n').findIndex((l) => l.includes(text));

describe('readiness and depends_on', () => {
  it('keeps a slow server STARTING until it answers, and spawns its dependent only then', async () => {
    const port = await freePort();
    sut = await startSupervisor(`
[program:api]
command=node ${PROGRAMS}/http-server.mjs
environment=PORT="${port}",DELAY_MS="1500"
readiness_probe=http://127.0.0.1:${port}/health
readiness_period=0.2

[program:client]
command=node ${PROGRAMS}/forever.mjs
depends_on=api
startsecs=0
`);
    const waiting = await waitFor(async () => {
      const client = await info('client');
      return client['statename'] === 'STARTING' && client;
    });
    expect(waiting['pid']).toBe(0);
    expect(waiting['description']).toBe('waiting for api');
    expect(await sut.rpc.call('tssupervisor.getProcessHealth')).toMatchObject([
      { name: 'api', readiness: 'pending', liveness: 'none', waiting_for: '', depends_on: [] },
      {
        name: 'client',
        statename: 'STARTING',
        readiness: 'none',
        waiting_for: 'api',
        depends_on: ['api:ready'],
        reason: 'waiting for api',
      },
    ]);
    const starting = await info('api');
    expect(starting['statename']).toBe('STARTING');
    expect(starting['description']).toMatch(
      /^(not ready yet|not ready: connection refused \(\d+\))$/,
    );

    await sut.daemon.waitForLog("spawned: 'client'", 15_000);
    const log = sut.daemon.mainLog();
    const ready = lineOf(log, 'success: api entered RUNNING state, process is ready');
    expect(ready).toBeGreaterThan(-1);
    expect(lineOf(log, "spawned: 'client'")).toBeGreaterThan(ready);
    // it did answer by then
    const answer = await fetch(`http://127.0.0.1:${port}/health`);
    expect(answer.status).toBe(200);
    // and it took the server's delay, not startsecs, to get there
    const logPath = (await info('api'))['stdout_logfile'];
    const apiLog = readFileSync(typeof logPath === 'string' ? logPath : '', 'utf8');
    expect(apiLog).toContain(`listening on ${port}`);
  });

  it('a web server waits for a one-shot migration to complete (:completed)', async () => {
    sut = await startSupervisor(`
[program:migrate]
command=sh -c 'sleep 0.5; echo migrated > %(here)s/migrated'
startsecs=0
autorestart=false

[program:web]
command=sh -c 'test -f %(here)s/migrated && exec sleep 60'
depends_on=migrate:completed
startsecs=0
`);
    await sut.daemon.waitForLog('success: web entered RUNNING state', 10_000);
    const log = sut.daemon.mainLog();
    expect(lineOf(log, 'exited: migrate (exit status 0; expected)')).toBeLessThan(
      lineOf(log, "spawned: 'web'"),
    );
    expect(lineOf(log, 'waiting: web is waiting for migrate to complete')).toBeGreaterThan(-1);
    // the web command itself fails unless the migration ran first
    expect((await info('web'))['statename']).toBe('RUNNING');
  });

  it('a readiness deadline counts as a failed start and ends FATAL after startretries', async () => {
    const port = await freePort();
    sut = await startSupervisor(`
[program:never]
command=node ${PROGRAMS}/forever.mjs
readiness_probe=tcp://127.0.0.1:${port}
readiness_period=0.1
readiness_deadline=0.5
startretries=1
stopwaitsecs=2
`);
    await sut.daemon.waitForLog('gave up: never entered FATAL state', 15_000);
    expect(sut.daemon.mainLog()).toContain(
      'not ready: never was not ready within 0.5 seconds (last probe: connection refused); stopping it',
    );
    expect((await info('never'))['spawnerr']).toBe('Not ready within 0.5 seconds');
  });
});

describe('liveness', () => {
  it('restarts a server whose health check keeps failing', async () => {
    const port = await freePort();
    sut = await startSupervisor(`
[program:api]
command=node ${PROGRAMS}/http-server.mjs
environment=PORT="${port}",HEALTHY_FOR_MS="800"
readiness_probe=http://127.0.0.1:${port}/health
readiness_period=0.1
liveness_probe=http://127.0.0.1:${port}/health
liveness_period=0.2
liveness_failure_threshold=2
`);
    await sut.daemon.waitForLog('success: api entered RUNNING state', 10_000);
    const firstPid = (await info('api'))['pid'];
    await sut.daemon.waitForLog(
      'not live: api failed its liveness probe 2 times in a row (HTTP 503); restarting it',
      10_000,
    );
    const restarted = await waitFor(async () => {
      const now = await info('api');
      return now['statename'] === 'RUNNING' && now['pid'] !== firstPid && now;
    });
    expect(restarted['pid']).not.toBe(firstPid);
  });
});

describe('restart pacing', () => {
  it('a crash loop waits longer each time (BACKOFF, restarting in N s) instead of respawning at once', async () => {
    sut = await startSupervisor(`
[program:crash]
command=sh -c 'sleep 0.2; exit 1'
startsecs=0
autorestart=true
restart_delay=0.3
restart_backoff_max=1.2
`);
    await sut.daemon.waitForLog('restarting: crash in 1.2 seconds (restart 4 in a row)', 15_000);
    const log = sut.daemon.mainLog();
    for (const [delay, n] of [
      ['0.3', 1],
      ['0.6', 2],
      ['1.2', 3],
    ] as const) {
      expect(log).toContain(`restarting: crash in ${delay} seconds (restart ${n} in a row)`);
    }
    const during = await info('crash');
    if (during['statename'] === 'BACKOFF') {
      expect(during['description']).toMatch(/^restarting in [\d.]+ s$/);
    }
    // every exit is still reported before the wait
    expect(
      log.match(/exited: crash \(exit status 1; not expected\)/g)?.length,
    ).toBeGreaterThanOrEqual(4);
  });
});
