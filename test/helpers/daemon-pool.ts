// The daemons and temp dirs a test starts, ended and removed after it (in an afterEach): the
// last started first, since a daemon started again in place shares its dir with the first.

import { killDaemon, type RunningDaemon } from './daemon-harness.js';
import { makeTempDir, type TempDir } from './temp-dir.js';

export interface DaemonPool {
  /** Keeps `daemon` to be killed after the test; returns it. */
  readonly track: (daemon: RunningDaemon) => RunningDaemon;
  /** A temp dir removed after the test. */
  readonly tempDir: (prefix: string) => TempDir;
  /** Kills every daemon tracked and removes every dir (the afterEach). */
  readonly cleanup: () => Promise<void>;
}

export const daemonPool = (): DaemonPool => {
  const started: RunningDaemon[] = [];
  const dirs: TempDir[] = [];
  return {
    track: (daemon) => {
      started.push(daemon);
      return daemon;
    },
    tempDir: (prefix) => {
      const dir = makeTempDir(prefix);
      dirs.push(dir);
      return dir;
    },
    cleanup: async () => {
      for (const daemon of started.splice(0).reverse()) {
        await killDaemon(daemon);
      }
      for (const dir of dirs.splice(0)) {
        dir.remove();
      }
    },
  };
};
