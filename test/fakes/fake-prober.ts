// A Prober whose answers the test gives: each probe waits until the test answers it, so tests
// decide when and how every readiness/liveness check ends.

import type {
  ProbeResult,
  ProbeSubject,
  ProbeTarget,
  Prober,
  SubjectOf,
} from '../../src/ports/prober.js';

export interface PendingProbe {
  readonly target: ProbeTarget;
  /** what an exec probe would be given (asked for lazily, as the real prober does) */
  subject(): ProbeSubject;
  readonly timeoutMs: number;
  answer(result: ProbeResult): Promise<void>;
}

export class FakeProber implements Prober {
  readonly pending: PendingProbe[] = [];
  /** every probe ever asked for */
  count = 0;

  probe(target: ProbeTarget, subject: SubjectOf, timeoutMs: number): Promise<ProbeResult> {
    this.count += 1;
    return new Promise((resolve) => {
      const entry: PendingProbe = {
        target,
        subject,
        timeoutMs,
        answer: async (result) => {
          this.pending.splice(this.pending.indexOf(entry), 1);
          resolve(result);
          // let the engine's .then() run
          await Promise.resolve();
          await Promise.resolve();
        },
      };
      this.pending.push(entry);
    });
  }

  /** Answer the oldest pending probe (throws if none is pending: a test bug). */
  async answerNext(result: ProbeResult): Promise<PendingProbe> {
    const first = this.pending[0];
    if (first === undefined) {
      throw new Error('no probe is pending');
    }
    await first.answer(result);
    return first;
  }
}
