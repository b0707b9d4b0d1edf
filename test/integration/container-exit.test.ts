// shutdown_on with real children (a container's main process): when the marked program ends,
// the daemon stops everything else and exits with that program's status, so the orchestrator
// restarts the container; without the option, nothing changes. Also as PID 1 of a pid namespace
// (unshare standing in for a container runtime): the exit status reaches whoever started it,
// and nothing of the namespace is left.

import { readFileSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import {
  baseConfig,
  killDaemon,
  PROGRAMS,
  type RunningDaemon,
  spawnedPids,
  startDaemon,
} from '../helpers/daemon-harness.js';
import {
  killNamespace,
  pidNamespaceOf,
  pidsInNamespace,
  UNSHARE,
  whyNoPidNamespace,
} from '../helpers/pid-namespace.js';
import { childrenOf, isAlive } from '../helpers/processes.js';
import { waitFor } from '../helpers/wait-for.js';

const node = process.execPath;
let daemon: RunningDaemon | undefined;
afterEach(async () => {
  await killDaemon(daemon);
  daemon = undefined;
});

/** A second program that would run for ever: it must be stopped on the way out. */
const SIDECAR = `
[program:sidecar]
command=${node} ${PROGRAMS}/forever.mjs
startsecs=0
`;

describe('shutdown_on', () => {
  it('exit: the program exits 3, everything stops, the daemon exits 3', async () => {
    daemon = startDaemon(
      baseConfig(`
[program:main]
command=/bin/sh -c "sleep 0.5; exit 3"
startsecs=0
autorestart=true
shutdown_on=exit
${SIDECAR}`),
    );
    expect(await daemon.exited()).toBe(3);
    const log = daemon.mainLog();
    expect(log).toContain(
      'CRIT shutting down: main exited (exit status 3) and has shutdown_on=exit; the daemon exits with status 3',
    );
    // not restarted first, although autorestart=true
    expect(log.match(/spawned: 'main'/g)).toHaveLength(1);
    expect(log).toMatch(/stopped: sidecar/);
    for (const pid of spawnedPids(log)) {
      expect(isAlive(pid)).toBe(false);
    }
  });

  it('fatal: restarts as usual until it gives up, then exits with its last status', async () => {
    daemon = startDaemon(
      baseConfig(`
[program:main]
command=/bin/sh -c "exit 7"
startsecs=1
startretries=1
shutdown_on=fatal
${SIDECAR}`),
    );
    expect(await daemon.exited()).toBe(7);
    const log = daemon.mainLog();
    expect(log.match(/spawned: 'main'/g)).toHaveLength(2);
    expect(log).toContain('gave up: main entered FATAL state');
    expect(log).toContain('shutting down: main entered FATAL and has shutdown_on=fatal');
  });

  it('unexpected: an expected exit (exitcodes) leaves the daemon running', async () => {
    daemon = startDaemon(
      baseConfig(`
[program:job]
command=/bin/sh -c "exit 0"
startsecs=0
autorestart=false
shutdown_on=unexpected
${SIDECAR}`),
    );
    await daemon.waitForLog(/exited: job \(exit status 0; expected\)/);
    await daemon.waitForLog(/success: sidecar entered RUNNING/);
    expect(daemon.process.exitCode).toBeNull();
    expect(daemon.mainLog()).not.toContain('shutting down');
  });
});

/**
 * A sidecar with a daemonizing grandchild (re-parented to PID 1, still in the sidecar's process
 * group); each writes its name into `stopped` when it receives SIGTERM, so the test can tell an
 * orderly stop by the daemon from the kernel's SIGKILL when the namespace ends. The sidecar
 * exits only once the grandchild's line is there: with killasgroup, what is left of its group
 * when it exits is killed at once.
 */
const SIDECAR_SCRIPT = `
stopped="$1/stopped"
( sh -c 'trap "echo orphan >> \\"$0\\"; exit 0" TERM; while :; do sleep 0.1; done' "$stopped" & )
trap 'until grep -q orphan "$stopped" 2>/dev/null; do sleep 0.05; done; echo sidecar >> "$stopped"; exit 0' TERM
while :; do sleep 0.1; done
`;

/**
 * A program with a daemon of its own: a new session (no group signal reaches it), left to PID 1
 * once the program stops; it writes `daemon` into `stopped` on SIGTERM.
 */
const DAEMONIZER_SCRIPT = `
setsid sh -c 'trap "echo daemon >> \\"$0\\"; exit 0" TERM; while :; do sleep 0.1; done' "$1/stopped" &
exec sleep 3600
`;

describe('shutdown_on with the daemon as PID 1 of a pid namespace (a container)', () => {
  let pid1: RunningDaemon | undefined;
  afterEach(async () => {
    await killNamespace(pid1);
    pid1 = undefined;
  });

  const startAsPid1 = (main: string): RunningDaemon => {
    expect(whyNoPidNamespace()).toBeNull();
    pid1 = startDaemon(
      baseConfig(`
[program:main]
command=${main}
startsecs=0
shutdown_on=exit
priority=100

[program:sidecar]
command=/bin/sh %(here)s/sidecar.sh %(here)s
startsecs=0
stopasgroup=true
priority=200

[program:daemonizer]
command=/bin/sh %(here)s/daemonizer.sh %(here)s
startsecs=0
priority=300
`),
      {
        wrapper: UNSHARE,
        files: { 'sidecar.sh': SIDECAR_SCRIPT, 'daemonizer.sh': DAEMONIZER_SCRIPT },
      },
    );
    return pid1;
  };

  it('the program exits 3: the daemon stops the rest in order and the container exits 3', async () => {
    const running = startAsPid1('/bin/sh -c "sleep 1; exit 3"');
    const pid1 = await waitFor(() => childrenOf(running.pid)[0], { what: 'the namespace PID 1' });
    // Read from PID 1 itself: unshare's pid_for_children is the host's until it has unshared.
    const namespace = await waitFor(() => pidNamespaceOf(pid1));
    expect(namespace).not.toBe(pidNamespaceOf(process.pid));
    await running.waitForLog('success: sidecar entered RUNNING');
    await running.waitForLog('success: daemonizer entered RUNNING');
    await waitFor(() => pidsInNamespace(namespace).length >= 6, {
      what: 'daemon, main, sidecar, its orphan, daemonizer and its daemon in the namespace',
    });

    // unshare exits with its child's status: what `docker run` would report.
    expect(await running.exited()).toBe(3);
    const log = running.mainLog();
    expect(log).toContain('supervisord started with pid 1\n');
    expect(log).toContain(
      'CRIT shutting down: main exited (exit status 3) and has shutdown_on=exit; the daemon exits with status 3',
    );
    expect(log).toMatch(/stopped: sidecar \(exit status 0\)/);
    // SIGTERM reached the sidecar and the grandchild PID 1 had adopted, before the daemon left:
    // the kernel's SIGKILL at the end of the namespace would have left no such lines. The
    // daemon of its own session, which no stop signalled, got SIGTERM from PID 1 at the end.
    const stopped = readFileSync(running.dir.join('stopped'), 'utf8').split('\n').sort();
    expect(stopped, log).toEqual(['', 'daemon', 'orphan', 'sidecar']);
    expect(log).toMatch(
      /INFO waiting for 1 orphaned process \(\d+\) to exit before the container ends\n(.*\n)*.* WARN sending SIGTERM to 1 orphaned process \(\d+\)\n/,
    );
    expect(log).not.toContain('leaving');
    expect(log).not.toContain('the guardian (pid');
    expect(pidsInNamespace(namespace)).toEqual([]);
  });

  it('the program is killed by SIGKILL: the container exits 137 (128 + 9)', async () => {
    const running = startAsPid1('/bin/sh -c "sleep 1; kill -KILL $$"');
    expect(await running.exited()).toBe(137);
    expect(running.mainLog()).toMatch(
      /CRIT shutting down: main .* the daemon exits with status 137/,
    );
    expect(readFileSync(running.dir.join('stopped'), 'utf8')).toContain('sidecar');
  });
});
