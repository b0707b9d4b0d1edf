// One process's own restart triggers while its process object lives: the restart_on_cron timer
// (re-checked at least every minute, so a wall-clock jump is noticed) and the watch= paths with
// their debounce. Each firing is handed to `fire` with its reason; the table decides the rest.

import type { RestartTriggers as TriggerConfig } from '../config/types.js';
import type { Clock, Timer } from '../ports/clock.js';
import type { FileWatch, FileWatcher } from '../ports/file-watcher.js';
import { nextCronFire } from './cron-next.js';
import { Debouncer } from './debounce.js';

/** The longest a cron timer sleeps before it looks at the wall clock again. */
export const CRON_RECHECK_MS = 60_000;

export interface RestartTriggerDeps {
  readonly clock: Clock;
  /** null where nothing can be watched (the watch= paths are then only reported) */
  readonly watcher: FileWatcher | null;
  /** a trigger fired: `reason` as the log line and status show it */
  readonly fire: (reason: string) => void;
  /** something the main log should hear about (a path that cannot be watched) */
  readonly warn: (text: string) => void;
}

export class RestartTriggerTimers {
  private cronTimer: Timer | null = null;
  private nextCron: number | null = null;
  private watch: FileWatch | null = null;
  private debounce: Debouncer | null = null;
  /** the paths changed since the last restart the watch asked for */
  private changed = new Set<string>();
  private closed = false;

  constructor(
    private readonly config: TriggerConfig,
    private readonly deps: RestartTriggerDeps,
  ) {}

  /** Wall-clock epoch ms of the next cron restart; null without restart_on_cron. */
  get nextCronMs(): number | null {
    return this.nextCron;
  }

  start(): void {
    if (this.config.cron !== null) {
      this.planCron(this.deps.clock.wallMs());
    }
    const watch = this.config.watch;
    if (watch !== null) {
      if (this.deps.watcher === null) {
        this.deps.warn(`watch= is not supported here: ${watch.paths.join(', ')} not watched`);
        return;
      }
      this.debounce = new Debouncer(this.deps.clock, watch.debounceMs, () => this.fireWatch());
      this.watch = this.deps.watcher.watch(
        { paths: watch.paths, ignore: watch.ignore },
        {
          change: (path) => {
            if (!this.closed) {
              this.changed.add(path);
              this.debounce?.poke();
            }
          },
          problem: (message) => this.deps.warn(message),
        },
      );
    }
  }

  close(): void {
    this.closed = true;
    this.cronTimer?.cancel();
    this.cronTimer = null;
    this.debounce?.cancel();
    this.watch?.close();
    this.watch = null;
  }

  private planCron(afterMs: number): void {
    const schedule = this.config.cron;
    if (schedule === null || this.closed) {
      return;
    }
    this.nextCron = nextCronFire(schedule, afterMs);
    this.armCron();
  }

  private armCron(): void {
    const due = this.nextCron;
    if (due === null) {
      return;
    }
    const waitMs = Math.min(CRON_RECHECK_MS, due - this.deps.clock.wallMs());
    this.cronTimer = this.deps.clock.setTimer(waitMs, () => this.cronCheck(due));
  }

  private cronCheck(due: number): void {
    const now = this.deps.clock.wallMs();
    if (now < due) {
      this.armCron();
      return;
    }
    // Missed firings (the machine slept, the clock jumped) come together as one restart.
    this.planCron(Math.max(now, due));
    this.deps.fire(`cron ${this.config.cron?.text ?? ''}`);
  }

  private fireWatch(): void {
    const paths = [...this.changed];
    this.changed = new Set();
    const [first] = paths;
    if (first === undefined) {
      return;
    }
    const more = paths.length - 1;
    this.deps.fire(`${first} changed${more === 0 ? '' : ` (and ${more} more)`}`);
  }
}
