// The course-notes deployment from conf.d/gunicorn-nginx, for real: nginx → gunicorn (2 workers)
// → Flask answers; kill -9 of gunicorn's master is answered again by a new master within a
// second; SIGTERM to the daemon leaves no gunicorn process and frees the ports.

import { readFileSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import {
  killDaemon,
  REPO_ROOT,
  type RunningDaemon,
  spawnedPids,
  startDaemon,
} from '../helpers/daemon-harness.js';
import { isAlive, pidsMatching } from '../helpers/processes.js';
import { waitFor } from '../helpers/wait-for.js';
import { freePort, portIsFree } from '../helpers/ports.js';

const EXAMPLE = `${REPO_ROOT}conf.d/gunicorn-nginx`;

const get = async (url: string): Promise<{ status: number; body: string } | undefined> => {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return { status: response.status, body: await response.text() };
  } catch {
    return undefined;
  }
};

/** Parent pid, from /proc/<pid>/stat. */
const ppidOf = (pid: number): number | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
};

let daemon: RunningDaemon | undefined;
afterEach(async () => {
  await killDaemon(daemon);
  daemon = undefined;
});

describe('nginx → gunicorn → Flask under tssupervisord', () => {
  it('serves, survives kill -9 of the gunicorn master, and stops cleanly', async () => {
    const appPort = await freePort();
    const webPort = await freePort();
    const config = readFileSync(`${EXAMPLE}/supervisord.conf`, 'utf8').replaceAll(
      '127.0.0.1:8000',
      `127.0.0.1:${appPort}`,
    );
    const nginx = readFileSync(`${EXAMPLE}/nginx.conf`, 'utf8')
      .replace('127.0.0.1:8000', `127.0.0.1:${appPort}`)
      .replace('127.0.0.1:8080', `127.0.0.1:${webPort}`);
    const bootStartedAt = Date.now();
    daemon = startDaemon(config, {
      files: {
        'myapp/app.py': readFileSync(`${EXAMPLE}/myapp/app.py`, 'utf8'),
        'nginx.conf': nginx,
        'run/.keep': '',
      },
    });
    const url = `http://127.0.0.1:${webPort}/`;
    const first = await waitFor(() => get(url).then((r) => r?.status === 200 && r), {
      timeoutMs: 20_000,
      what: 'nginx to answer 200',
    });
    expect(first.body).toMatch(/Hello from myapp \(gunicorn worker \d+\)/);
    const coldStartMs = Date.now() - bootStartedAt;

    const log = daemon.dir.join('run/supervisord.log');
    // A master that dies within startsecs is a failed start (BACKOFF, retried after 1 s); the
    // scenario is a running master being killed.
    await waitFor(() => readFileSync(log, 'utf8').includes('success: myapp entered RUNNING'));
    const masterOf = (text: string): number[] =>
      [...text.matchAll(/spawned: 'myapp' with pid (\d+)/g)].map((m) => Number(m[1]));
    const [oldMaster] = masterOf(readFileSync(log, 'utf8'));
    expect(oldMaster).toBeDefined();

    const killedAt = Date.now();
    process.kill(oldMaster!, 'SIGKILL');
    // The supervisor's part: a new master is spawned at once (no tick to wait for).
    await waitFor(() => masterOf(readFileSync(log, 'utf8')).length > 1, {
      timeoutMs: 10_000,
      intervalMs: 5,
      what: 'a new gunicorn master to be spawned',
    });
    const respawnMs = Date.now() - killedAt;
    // Answered again by a worker of a new master.
    const answer = await waitFor(
      async () => {
        const r = await get(url);
        const worker = Number(/worker (\d+)/.exec(r?.body ?? '')?.[1]);
        const master = ppidOf(worker);
        return (
          r?.status === 200 && master !== undefined && master !== oldMaster && { worker, master }
        );
      },
      { timeoutMs: 10_000, intervalMs: 10, what: 'a new gunicorn master to answer' },
    );
    const recoveredMs = Date.now() - killedAt;
    expect(answer.master).not.toBe(oldMaster);
    // The old master's workers did not outlive it (killasgroup).
    expect(readFileSync(log, 'utf8')).toContain(
      `killed what was left of 'myapp' (process group ${oldMaster})`,
    );
    expect(respawnMs).toBeLessThan(1000);
    // Answered again within a second; on a machine so loaded that gunicorn's cold start (with
    // nginx and the daemon) took longer than that, within that cold start.
    expect(recoveredMs).toBeLessThan(Math.max(1000, coldStartMs));

    const pidsBefore = spawnedPids(readFileSync(log, 'utf8'));
    expect(await daemon.stop('SIGTERM')).toBe(0);
    for (const pid of pidsBefore) {
      expect(isAlive(pid)).toBe(false);
    }
    expect(pidsMatching(`--bind 127.0.0.1:${appPort}`)).toEqual([]);
    expect(await portIsFree(appPort)).toBe(true);
    expect(await portIsFree(webPort)).toBe(true);
  });
});
