// What the daemon does for children beyond spawning them: reap orphans re-parented to it (as PID 1
// or as a child subreaper), keep the children ledger beside the pidfile, stop what a killed
// predecessor left running before anything is spawned, and run the guardian that stops our
// children if we are killed. One object, created at startup, begun before autostart, ended at a
// clean exit.

import type { LogLevel } from '../model/log-level.js';
import type { Spawner } from '../ports/spawner.js';
import { ledgerPathFor } from './child-ledger.js';
import { LedgerFile, stopLeftovers } from './child-ledger-file.js';
import { ChildRegistry, trackingSpawner } from './child-registry.js';
import { type Guardian, startGuardian } from './guardian.js';
import { loadLibc } from './libc.js';
import { nodeClock } from './node-clock.js';
import { type OrphanReaper, startOrphanReaper } from './orphan-reaper.js';
import { settleOrphans } from './orphan-settling.js';

type Log = (level: LogLevel, message: string) => void;

export interface ChildCare {
  /** the spawner to hand to the engine: it tracks every child it spawns */
  readonly spawner: Spawner;
  /** Before the first autostart: reaper, subreaper, leftovers stopped, ledger, guardian. */
  begin(log: Log): Promise<void>;
  /**
   * Every program stopped at shutdown: as PID 1, give the orphans still running a moment (then
   * SIGTERM) before the daemon's exit has the kernel kill them. Nothing otherwise.
   */
  settleOrphans(log: Log): Promise<void>;
  /** A clean exit (every child stopped): dismiss the guardian, remove the ledger. */
  end(): void;
}

export const createChildCare = (inner: Spawner, pidfile: string): ChildCare => {
  const registry = new ChildRegistry();
  const ledgerPath = ledgerPathFor(pidfile);
  let reaper: OrphanReaper | null = null;
  let ledger: LedgerFile | null = null;
  let guardian: Guardian | null = null;

  const startReaping = (log: Log): void => {
    const libc = loadLibc();
    if (!libc.ok) {
      log(
        'warn',
        `cannot reap orphaned processes (koffi could not load libc: ${libc.why}): ${process.pid === 1 ? 'as PID 1, orphans will stay zombies' : 'daemonizing grandchildren will not be re-parented to supervisord'}`,
      );
      return;
    }
    if (process.pid !== 1) {
      const errno = libc.libc.becomeSubreaper();
      if (errno !== undefined) {
        log('warn', `could not become a child subreaper (prctl errno ${errno})`);
      }
    }
    reaper = startOrphanReaper({
      libc: libc.libc,
      // The guardian is ours too, spawned beside the registry.
      isTracked: (pid) => registry.has(pid) || pid === guardian?.pid,
      log,
    });
  };

  return {
    spawner: trackingSpawner(inner, registry),
    begin: async (log) => {
      startReaping(log);
      await stopLeftovers(ledgerPath, log);
      ledger = new LedgerFile(ledgerPath, registry, log);
      guardian = startGuardian({ daemonPid: process.pid, ledgerPath, log });
      if (guardian !== null) {
        log('debug', `guardian started with pid ${guardian.pid} (children ledger ${ledgerPath})`);
      }
      // However the daemon ends (short of being killed), a stale ledger must not outlive it.
      process.once('exit', () => ledger?.remove());
    },
    settleOrphans: async (log) => {
      const orphans = reaper;
      if (process.pid !== 1 || orphans === null) {
        return;
      }
      await settleOrphans({
        liveOrphans: () => orphans.liveOrphans(),
        terminate: (pid) => {
          try {
            process.kill(pid, 'SIGTERM');
          } catch {
            // gone meanwhile
          }
        },
        clock: nodeClock,
        log,
      });
    },
    end: () => {
      guardian?.dismiss();
      ledger?.remove();
      reaper?.stop();
    },
  };
};
