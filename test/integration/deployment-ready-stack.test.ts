// The ready-stack example from conf.d/ready-stack, for real: a database that warms up, a one-shot
// migration, two gunicorn servers and nginx start in dependency order, each only once the one
// before answers; a rolling restart of the pool (`tssupervisorctl restart --rolling web`) keeps nginx answering 200 throughout, where a
// plain restart of the group would drop requests.

import { readFileSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import { runOurs } from '../fakes/ctl-runner.js';
import { killDaemon, REPO_ROOT } from '../helpers/daemon-harness.js';
import { waitFor } from '../helpers/wait-for.js';
import { startWithConfig, type SupervisorUnderTest } from './rpc-supervisor-harness.js';
import { portIsFree } from '../helpers/ports.js';

const EXAMPLE = `${REPO_ROOT}conf.d/ready-stack`;

/** A free port, and a prefix P whose P1 and P2 are free too (the pool's %(process_num)d ports). */
const freePorts = async (): Promise<{ db: number; nginx: number; webPrefix: number }> => {
  for (;;) {
    const webPrefix = 2000 + Math.floor(Math.random() * 4000);
    const db = 20_000 + Math.floor(Math.random() * 9000);
    const nginx = db + 1;
    const all = [db, nginx, webPrefix * 10 + 1, webPrefix * 10 + 2];
    if ((await Promise.all(all.map(portIsFree))).every(Boolean)) {
      return { db, nginx, webPrefix };
    }
  }
};

const status = async (url: string): Promise<number | string> => {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
    await response.text();
    return response.status;
  } catch (error) {
    return error instanceof Error ? error.name : 'error';
  }
};

/** Requests nginx back to back until stopped; counts the answers by status. */
const hammer = (url: string) => {
  const counts = new Map<number | string, number>();
  let running = true;
  const loop = (async () => {
    while (running) {
      const got = await status(url);
      counts.set(got, (counts.get(got) ?? 0) + 1);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return Object.fromEntries(counts);
    },
  };
};

let sut: SupervisorUnderTest | undefined;
afterEach(async () => {
  sut?.close();
  await killDaemon(sut?.daemon);
  sut = undefined;
});

describe('conf.d/ready-stack under tssupervisord', () => {
  it('starts in dependency order and rolls the web pool without dropping a request', async () => {
    const { db, nginx, webPrefix } = await freePorts();
    // The harness finds the socket and the main log at the top of the temp dir.
    const config = readFileSync(`${EXAMPLE}/supervisord.conf`, 'utf8')
      .replaceAll('%(here)s/run/supervisor.sock', '%(here)s/supervisor.sock')
      .replace('logfile=%(here)s/run/supervisord.log', 'logfile=%(here)s/supervisord.log')
      .replaceAll('%(here)s/app/', `${EXAMPLE}/app/`)
      .replaceAll('directory=%(here)s/app', `directory=${EXAMPLE}/app`)
      .replaceAll('127.0.0.1:5433', `127.0.0.1:${db}`)
      .replaceAll('127.0.0.1 5433', `127.0.0.1 ${db}`)
      .replaceAll('127.0.0.1:800%(process_num)d', `127.0.0.1:${webPrefix}%(process_num)d`)
      .replaceAll('127.0.0.1:8081', `127.0.0.1:${nginx}`)
      .replace('nginx -p %(here)s', 'nginx -p %(here)s/');
    const nginxConf = readFileSync(`${EXAMPLE}/nginx.conf`, 'utf8')
      .replace('127.0.0.1:8001', `127.0.0.1:${webPrefix}1`)
      .replace('127.0.0.1:8002', `127.0.0.1:${webPrefix}2`)
      .replace('127.0.0.1:8081', `127.0.0.1:${nginx}`);
    sut = await startWithConfig(config, { files: { 'nginx.conf': nginxConf, 'run/.keep': '' } });
    const url = `http://127.0.0.1:${nginx}/`;
    await sut.daemon.waitForLog('success: nginx entered RUNNING state, process is ready', 60_000);
    expect(await status(url)).toBe(200);

    // Each started only once what it depends on held.
    const log = sut.daemon.mainLog();
    const at = (text: string): number => log.indexOf(text);
    expect(at('success: db entered RUNNING state, process is ready')).toBeGreaterThan(-1);
    expect(at("spawned: 'migrate'")).toBeGreaterThan(at('success: db entered RUNNING state'));
    expect(at("spawned: 'web_1'")).toBeGreaterThan(at('exited: migrate (exit status 0; expected)'));
    expect(at("spawned: 'nginx'")).toBeGreaterThan(at('success: web_2 entered RUNNING state'));
    expect(at("spawned: 'nginx'")).toBeGreaterThan(at('success: web_1 entered RUNNING state'));

    // The roll: nginx answers 200 to every request while each server is restarted in turn.
    const before = sut.daemon.mainLog().length;
    const load = hammer(url);
    const rolled = await runOurs(['-c', sut.daemon.configPath, 'restart', '--rolling', 'web'], {
      timeoutMs: 90_000,
    });
    const counts = await load.stop();
    expect(rolled.stdout).toBe('web:web_1: restarted\nweb:web_2: restarted\n');
    expect(rolled.exit).toBe(0);
    expect(counts).toEqual({ 200: expect.any(Number) });
    const rollLog = sut.daemon.mainLog().slice(before);
    // one at a time: web_2 was stopped only after web_1 was ready again
    expect(rollLog.indexOf('stopped: web_2')).toBeGreaterThan(
      rollLog.indexOf('success: web_1 entered RUNNING state'),
    );
    await waitFor(async () => (await status(url)) === 200);
  });
});
