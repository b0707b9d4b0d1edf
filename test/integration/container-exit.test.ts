// shutdown_on with real children (a container's main process): when the marked program ends,
// the daemon stops everything else and exits with that program's status, so the orchestrator
// restarts the container; without the option, nothing changes.

import { afterEach, describe, expect, it } from 'vitest';

import {
  baseConfig,
  killDaemon,
  PROGRAMS,
  type RunningDaemon,
  spawnedPids,
  startDaemon,
} from '../helpers/daemon-harness.js';
import { isAlive } from '../helpers/processes.js';

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
