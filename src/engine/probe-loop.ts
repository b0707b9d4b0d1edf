// Runs one process's readiness or liveness probe while the table wants it: after the initial
// delay, one probe per period (never two at once), each answer fed back as a `probed` input.
// A `log:` readiness probe watches the child's output lines instead of asking the Prober.

import type { Readable } from 'node:stream';

import type { LivenessConfig, ReadinessConfig } from '../config/types.js';
import type { Clock, Timer } from '../ports/clock.js';
import type { ProbeResult, ProbeSubject, Prober } from '../ports/prober.js';
import type { ChildHandle } from '../ports/spawner.js';
import type { ProbeKind } from './machine-types.js';

/** A line longer than this is matched on its first part only (memory stays bounded). */
const MAX_LINE_CHARS = 64 * 1024;

export interface ProbeLoopDeps {
  readonly clock: Clock;
  readonly prober: Prober;
  /** the process an exec probe runs as (asked only by exec probes: it costs a spawn plan) */
  readonly subject: () => ProbeSubject;
  readonly report: (kind: ProbeKind, result: ProbeResult) => void;
}

export class ProbeLoop {
  private timer: Timer | null = null;
  private stopped = false;
  private readonly unwatch: (() => void)[] = [];

  constructor(
    readonly kind: ProbeKind,
    readonly pid: number,
    private readonly settings: ReadinessConfig | LivenessConfig,
    private readonly deps: ProbeLoopDeps,
  ) {}

  start(child: ChildHandle): void {
    const probe = this.settings.probe;
    if (probe.kind === 'log') {
      const pattern = new RegExp(probe.pattern);
      this.watchLines(child.stdout, pattern);
      this.watchLines(child.stderr, pattern);
      return;
    }
    this.timer = this.deps.clock.setTimer(this.settings.initialDelayMs, () => this.runOnce());
  }

  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
    this.timer = null;
    for (const off of this.unwatch.splice(0)) {
      off();
    }
  }

  private runOnce(): void {
    const probe = this.settings.probe;
    if (this.stopped || probe.kind === 'log') {
      return;
    }
    const began = this.deps.clock.monotonicMs();
    void this.deps.prober
      .probe(probe, this.deps.subject, this.settings.timeoutMs)
      .then((result) => {
        if (this.stopped) {
          return;
        }
        this.deps.report(this.kind, result);
        // The answer may have ended the probing (the state moved on): scheduleNext checks.
        this.scheduleNext(began);
      });
  }

  /** The next probe `periodMs` after the start of the last one (at once if that took longer). */
  private scheduleNext(lastBegan: number): void {
    if (this.stopped) {
      return;
    }
    const spent = this.deps.clock.monotonicMs() - lastBegan;
    this.timer = this.deps.clock.setTimer(this.settings.periodMs - spent, () => this.runOnce());
  }

  private watchLines(stream: Readable | null, pattern: RegExp): void {
    if (stream === null) {
      return;
    }
    let partial = '';
    const onData = (chunk: Buffer | string): void => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = (lines.pop() ?? '').slice(0, MAX_LINE_CHARS);
      // A line still being written counts too: a prompt such as `Listening on :8000` may not end
      // with a newline before the program goes quiet.
      if (lines.some((line) => pattern.test(line)) || pattern.test(partial)) {
        this.stop();
        this.deps.report(this.kind, { ok: true });
      }
    };
    stream.on('data', onData);
    this.unwatch.push(() => stream.off('data', onData));
  }
}
