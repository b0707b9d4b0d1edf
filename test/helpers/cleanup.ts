// For a test file: what its tests start and create — daemons (with their children) and temp dirs —
// is killed and removed after each test, whether it passed or not.

import { afterEach } from 'vitest';

import { killDaemon, type RunningDaemon } from './daemon-harness.js';
import type { TempDir } from './temp-dir.js';

export interface Cleanup {
  /** kill this daemon and its children after the test; returns it */
  daemon(daemon: RunningDaemon): RunningDaemon;
  /** remove this directory after the test; returns it */
  dir(dir: TempDir): TempDir;
}

export const cleanupAfterEach = (): Cleanup => {
  const daemons: RunningDaemon[] = [];
  const dirs: TempDir[] = [];
  afterEach(async () => {
    for (const daemon of daemons.splice(0)) {
      await killDaemon(daemon);
    }
    for (const dir of dirs.splice(0)) {
      dir.remove();
    }
  });
  return {
    daemon: (daemon) => {
      daemons.push(daemon);
      return daemon;
    },
    dir: (dir) => {
      dirs.push(dir);
      return dir;
    },
  };
};
