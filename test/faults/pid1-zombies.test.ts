// Orphans re-parented to the daemon are reaped (issue 9, item 3). As PID 1 of a pid namespace (a
// container), a program leaving short-lived grandchildren behind must not pile up zombies; not
// PID 1, the daemon is a child subreaper: a daemonizing grandchild is re-parented to it, and
// reaped when it exits. supervisord logs each as INFO `reaped unknown pid N (exit status S)`.

import { readdirSync, readFileSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import {
  baseConfig,
  killDaemon,
  type RunningDaemon,
  startDaemon,
} from '../helpers/daemon-harness.js';
import { killNamespace, UNSHARE, whyNoPidNamespace } from '../helpers/pid-namespace.js';
import { childrenOf, readPid } from '../helpers/processes.js';
import { waitFor } from '../helpers/wait-for.js';
import { soakMs } from './fault-durations.js';

interface Stat {
  readonly state: string;
  readonly ppid: number;
}

const statOf = (pid: number): Stat | null => {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const [state = '', ppid = '0'] = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state, ppid: Number(ppid) };
  } catch {
    return null;
  }
};

/** Zombies whose parent is `pid` (host pids: the test sees the namespace from outside). */
const zombieChildren = (pid: number): number[] =>
  readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((child) => {
      const stat = statOf(child);
      return stat?.ppid === pid && stat.state === 'Z';
    });

/** The measured window: the fault runs for this long on purpose. */
const soak = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const REAPED = /INFO reaped unknown pid \d+ \(exit status 0\)/;

const noNamespace = whyNoPidNamespace();

describe('as PID 1 of a pid namespace (a container)', () => {
  let daemon: RunningDaemon | undefined;
  afterEach(async () => {
    await killNamespace(daemon);
    daemon = undefined;
  });

  it.skipIf(noNamespace !== null)(
    `reaps orphaned grandchildren: zombies stay few ${noNamespace === null ? '' : `(skipped: ${noNamespace})`}`,
    async () => {
      const running = startDaemon(
        baseConfig(`
[program:orphaner]
command=/bin/sh %(here)s/orphaner.sh
stdout_logfile=NONE
stderr_logfile=NONE
`).replace('loglevel=debug', 'loglevel=info'),
        {
          wrapper: UNSHARE,
          files: { 'orphaner.sh': 'while true; do (sleep 0.1 &) ; sleep 0.3; done\n' },
        },
      );
      daemon = running;
      await running.waitForLog("spawned: 'orphaner'");
      expect(running.mainLog()).toContain('supervisord started with pid 1\n');
      const daemonPid = await waitFor(() => childrenOf(running.pid)[0], {
        what: 'the daemon inside the namespace',
      });

      const windowMs = soakMs(4_000, 30_000);
      const counts: number[] = [];
      // How long each zombie was seen for: none may last 2 s.
      const firstSeen = new Map<number, number>();
      let longestMs = 0;
      const startedMs = performance.now();
      while (performance.now() - startedMs < windowMs) {
        const zombies = zombieChildren(daemonPid);
        counts.push(zombies.length);
        const nowMs = performance.now();
        for (const pid of zombies) {
          const since = firstSeen.get(pid) ?? nowMs;
          firstSeen.set(pid, since);
          longestMs = Math.max(longestMs, nowMs - since);
        }
        await soak(200);
      }
      const reaped = running
        .mainLog()
        .split('\n')
        .filter((line) => REAPED.test(line)).length;
      console.log(
        'pid1 zombies:',
        JSON.stringify({ windowMs, max: Math.max(...counts), longestMs, reaped }),
      );

      // One orphan every 0.3 s: unreaped, that is 13 zombies after 4 s and growing.
      expect(Math.max(...counts)).toBeLessThanOrEqual(4);
      expect(longestMs).toBeLessThan(2_000);
      expect(counts.slice(-5).every((n) => n <= 4)).toBe(true);
      expect(reaped).toBeGreaterThanOrEqual(Math.floor(windowMs / 300 / 2));
    },
  );
});

describe('not PID 1: a child subreaper', () => {
  let daemon: RunningDaemon | undefined;
  afterEach(async () => {
    await killDaemon(daemon);
    daemon = undefined;
  });

  it('adopts a daemonizing grandchild and reaps it when it exits', async () => {
    const running = startDaemon(
      baseConfig(`
[program:forker]
command=/bin/sh %(here)s/forker.sh %(here)s/grandchild.pid
`),
      {
        // The subshell exits at once: its child is orphaned while it sleeps. The pid file
        // appears only once the subshell is gone (read earlier, the parent was the subshell).
        files: {
          'forker.sh': '( sleep 1.5 & echo $! > "$1.new" )\nmv "$1.new" "$1"\nexec sleep 3600\n',
        },
      },
    );
    daemon = running;
    const grandchild = await waitFor(() => readPid(running.dir.join('grandchild.pid')), {
      what: 'the grandchild pid file',
    });
    // While it sleeps, its parent is the daemon (without a subreaper it would be init's).
    const parent = await waitFor(
      () => {
        const stat = statOf(grandchild);
        return stat !== null && stat.ppid !== 0 && stat.ppid;
      },
      { what: 'the orphan to be re-parented' },
    );
    expect(parent).toBe(running.pid);
    // When it exits, the daemon reaps it: no zombie left behind, the reference's log lines (at
    // debug level, its SIGCHLD line follows).
    await running.waitForLog(
      new RegExp(
        `INFO reaped unknown pid ${grandchild} \\(exit status 0\\)\\n\\S+ \\S+ DEBG received SIGCHLD indicating a child quit\\n`,
      ),
      5_000,
    );
    expect(statOf(grandchild)).toBeNull();
    expect(zombieChildren(running.pid)).toEqual([]);
    // The program itself is still supervised as before.
    expect(running.mainLog()).not.toContain('exited: forker');
  });
});
