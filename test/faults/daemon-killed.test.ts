// The daemon killed with SIGKILL (issue 9, item 5; supervisord #168 orphans every child): its
// guardian stops every child's process group within a second, and a daemon started again never
// runs a second copy of a program next to what a dead daemon left running.

import { readdirSync, readFileSync } from 'node:fs';
import { get } from 'node:http';

import { afterEach, describe, expect, it } from 'vitest';

import {
  baseConfig,
  killDaemon,
  PROGRAMS,
  type RunningDaemon,
  spawnedPids,
  startDaemon,
} from '../helpers/daemon-harness.js';
import { isAlive, pidsMatching, readPid } from '../helpers/processes.js';
import { waitFor } from '../helpers/wait-for.js';
import { freePort } from '../helpers/ports.js';

/** The body of GET http://127.0.0.1:port/ (the http-server fixture answers `pid N`). */
const httpGet = (port: number): Promise<string> =>
  new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve(body));
    }).once('error', reject);
  });

/** Live (not zombie) processes whose process group is one of `pgids`. */
const groupMembers = (pgids: ReadonlySet<number>): number[] =>
  readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
        const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return state !== 'Z' && pgids.has(Number(pgrp));
      } catch {
        return false;
      }
    })
    .map(Number);

const guardianOf = (daemonPid: number): number | undefined =>
  pidsMatching(`tssupervisord-guardian ${daemonPid} `)[0];

const ledgerLines = (daemon: RunningDaemon): string[] => {
  try {
    return readFileSync(daemon.dir.join('supervisord.children'), 'utf8')
      .split('\n')
      .filter((line) => /^\d+ \d+ /.test(line));
  } catch {
    return [];
  }
};

const daemons: RunningDaemon[] = [];
const leftovers: number[] = [];
afterEach(async () => {
  for (const pid of leftovers.splice(0)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  for (const daemon of daemons.splice(0).reverse()) {
    await killDaemon(daemon);
  }
});

describe('the daemon killed with SIGKILL', () => {
  it('leaves no child running: its guardian stops every process group within 1.5 s', async () => {
    const daemon = startDaemon(
      baseConfig(`
[program:sleeper]
command=sleep 3600

[program:family]
command=node ${PROGRAMS}/fork-grandchild.mjs %(here)s/grandchild.pid

[program:stubborn]
command=/bin/sh %(here)s/stubborn.sh

[program:pool]
command=sleep 3600
process_name=%(program_name)s_%(process_num)d
numprocs=3
`),
      { files: { 'stubborn.sh': "trap '' TERM\nwhile :; do sleep 1; done\n" } },
    );
    daemons.push(daemon);
    // Everything is up (and, on the way, listed in the ledger).
    await waitFor(() => (daemon.mainLog().match(/success: /g) ?? []).length === 6, {
      what: `6 children RUNNING\n${daemon.mainLog()}`,
    });
    const grandchild = await waitFor(() => readPid(daemon.dir.join('grandchild.pid')), {
      what: 'the grandchild',
    });
    const children = [...spawnedPids(daemon.mainLog()), grandchild];
    expect(children).toHaveLength(7);
    expect(children.every(isAlive)).toBe(true);

    const killedMs = performance.now();
    daemon.process.kill('SIGKILL');
    await daemon.exited();
    const groups = new Set(spawnedPids(daemon.mainLog()));
    const running = (): number[] => [
      ...children.filter(isAlive),
      ...groupMembers(groups).filter((pid) => !children.includes(pid)),
    ];
    await waitFor(() => running().length === 0, {
      timeoutMs: 1_500,
      intervalMs: 10,
      what: 'every child and every member of their process groups gone',
    }).catch((error: unknown) => {
      throw new Error(`${String(error)}: still running ${running().join(' ')}`);
    });
    const goneMs = Math.round(performance.now() - killedMs);
    console.log('daemon killed:', JSON.stringify({ childrenGoneMs: goneMs }));
    // What the guardian read: the ledger the daemon left, one line per child.
    expect(ledgerLines(daemon)).toHaveLength(6);
    // The guardian leaves once its work is done.
    await waitFor(() => guardianOf(daemon.pid) === undefined, { what: 'the guardian to exit' });
  });

  it('a clean shutdown dismisses the guardian and removes the ledger', async () => {
    const daemon = startDaemon(baseConfig('\n[program:sleeper]\ncommand=sleep 3600\n'));
    daemons.push(daemon);
    await waitFor(() => ledgerLines(daemon).length === 1, { what: 'the ledger' });
    const guardian = guardianOf(daemon.pid);
    expect(guardian).toBeDefined();
    expect(await daemon.stop('SIGTERM')).toBe(0);
    await waitFor(() => !isAlive(guardian ?? 0), { what: 'the guardian to leave' });
    expect(() => readFileSync(daemon.dir.join('supervisord.children'))).toThrow();
    expect(daemon.mainLog()).not.toContain('guardian (pid');
  });

  it('a daemon started again stops what a dead one left running before it spawns: never two copies', async () => {
    const port = await freePort();
    const config = baseConfig(`
[program:web]
command=node ${PROGRAMS}/http-server.mjs
environment=PORT="${port}"
startsecs=1
startretries=1
`);
    const first = startDaemon(config);
    daemons.push(first);
    await first.waitForLog('success: web entered RUNNING');
    const [oldWeb] = spawnedPids(first.mainLog());
    expect(await waitFor(() => httpGet(port))).toBe(`pid ${oldWeb}\n`);
    // The worst case: the guardian is gone too (killed with the daemon, OOM), so nobody stops
    // the children, and they keep the port.
    const guardian = guardianOf(first.pid);
    if (guardian !== undefined) {
      process.kill(guardian, 'SIGKILL');
    }
    first.process.kill('SIGKILL');
    await first.exited();
    leftovers.push(oldWeb ?? 0);
    expect(isAlive(oldWeb ?? 0)).toBe(true);

    const second = startDaemon(config, { dir: first.dir });
    daemons.push(second);
    /** The second daemon's part of the main log they share. */
    const secondRun = (): string => second.mainLog().split('supervisord started with pid')[2] ?? '';
    await waitFor(() => secondRun().includes('success: web entered RUNNING'), {
      what: `web RUNNING under the second daemon\n${second.mainLog()}`,
    });
    const warned = secondRun().indexOf(
      `WARN stopping 'web' (pid ${oldWeb}) left running by a daemon that did not shut down cleanly`,
    );
    const spawned = secondRun().indexOf("spawned: 'web'");
    expect(warned).toBeGreaterThan(0);
    expect(spawned).toBeGreaterThan(warned);
    expect(isAlive(oldWeb ?? 0)).toBe(false);
    // The one web server answering is the new daemon's; it never hit EADDRINUSE.
    const [newWeb] = spawnedPids(secondRun());
    expect(await httpGet(port)).toBe(`pid ${newWeb}\n`);
    expect(secondRun()).not.toContain('exited: web');
  });
});
