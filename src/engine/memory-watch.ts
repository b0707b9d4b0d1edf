// restart_on_memory at work: while a process with a limit is RUNNING, once a second the daemon's
// one stats sampler measures every process tree (the same sample getProcessStats answers from)
// and each limited process over its limit is handed a restart trigger. Idle otherwise.

import type { Clock, Timer } from '../ports/clock.js';
import { memoryOverLimit } from './memory-limit.js';
import type { SupervisedProcess } from './process.js';
import type { StatsSampler } from './stats-sampler.js';

export const MEMORY_CHECK_INTERVAL_MS = 1000;

export interface MemoryWatchDeps {
  readonly clock: Clock;
  readonly sampler: StatsSampler;
  /** every process there is now */
  readonly processes: () => readonly SupervisedProcess[];
  /** the processes of the groups where some member has a limit (usually none) */
  readonly withLimits: () => readonly SupervisedProcess[];
}

const limited = (p: SupervisedProcess): boolean =>
  p.config.restartTriggers.memoryBytes > 0 && p.state === 'RUNNING';

export class MemoryWatch {
  private timer: Timer | null = null;
  private sampling = false;
  private closed = false;

  constructor(private readonly deps: MemoryWatchDeps) {}

  /**
   * A process may have entered RUNNING: check once a second while a limited one runs. Called on
   * every RUNNING, so it looks only at the groups with a limit (a 2,000-process start is not
   * 2,000 walks over 2,000 processes).
   */
  wake(): void {
    if (this.timer === null && !this.sampling && !this.closed) {
      if (this.deps.withLimits().some(limited)) {
        this.arm();
      }
    }
  }

  private isOpen(): boolean {
    return !this.closed;
  }

  close(): void {
    this.closed = true;
    this.timer?.cancel();
    this.timer = null;
  }

  private arm(): void {
    this.timer = this.deps.clock.setTimer(MEMORY_CHECK_INTERVAL_MS, () => {
      this.timer = null;
      void this.check();
    });
  }

  private async check(): Promise<void> {
    const all = this.deps.processes();
    const watched = all.filter(limited).map((process) => ({ process, pid: process.pid }));
    if (watched.length === 0 || this.closed) {
      return;
    }
    // Every tree, not only the limited ones: the sample then serves getProcessStats too.
    const pids = all.map((p) => p.pid).filter((pid) => pid !== 0);
    this.sampling = true;
    try {
      const usages = await this.deps.sampler.usage(pids);
      for (const { process, pid } of watched) {
        const usage = usages.get(pid);
        // The sample belongs to this run of the process only if the pid is still its pid.
        if (usage === undefined || process.pid !== pid || !limited(process)) {
          continue;
        }
        const reason = memoryOverLimit(process.config.restartTriggers.memoryBytes, usage.rssBytes);
        if (reason !== null) {
          process.triggerRestart(reason);
        }
      }
    } finally {
      this.sampling = false;
    }
    if (this.isOpen() && this.deps.withLimits().some(limited)) {
      this.arm();
    }
  }
}
