// GET /readyz's decision (pure): the daemon is ready when it is RUNNING and so is every autostart
// process, bar one-shot jobs that are done (exited as exitcodes expects, not to be restarted).
// Also the plain-text answer, with or without the names of what is not ready.

import type { ProcessStateName } from '../model/process-state.js';
import type { SupervisorStateName } from '../model/supervisor-state.js';

export interface ReadinessFacts {
  readonly namespec: string;
  readonly state: ProcessStateName;
  readonly autostart: boolean;
  /** exited as exitcodes expects and will not be restarted (autorestart false or unexpected) */
  readonly done: boolean;
  /** what status shows beside the state (`not ready: connection refused (3)`), or null */
  readonly reason: string | null;
}

export type ReadinessVerdict =
  | { readonly ready: true; readonly counted: number }
  | { readonly ready: false; readonly kind: 'daemon'; readonly mood: SupervisorStateName }
  | {
      readonly ready: false;
      readonly kind: 'processes';
      readonly counted: number;
      readonly notReady: readonly ReadinessFacts[];
    };

export const readinessVerdict = (
  mood: SupervisorStateName,
  processes: readonly ReadinessFacts[],
): ReadinessVerdict => {
  if (mood !== 'RUNNING') {
    return { ready: false, kind: 'daemon', mood };
  }
  const counted = processes.filter((p) => p.autostart);
  const notReady = counted.filter((p) => p.state !== 'RUNNING' && !p.done);
  return notReady.length === 0
    ? { ready: true, counted: counted.length }
    : { ready: false, kind: 'processes', counted: counted.length, notReady };
};

const processes = (n: number): string => `${n} autostart process${n === 1 ? '' : 'es'}`;

/** The answer's body; `detailed` adds a line per process that is not ready. */
export const readinessText = (verdict: ReadinessVerdict, detailed: boolean): string => {
  if (verdict.ready) {
    return `ready: ${processes(verdict.counted)} up\n`;
  }
  if (verdict.kind === 'daemon') {
    return `not ready: supervisord is ${verdict.mood}\n`;
  }
  const head = `not ready: ${verdict.notReady.length} of ${processes(verdict.counted)} not RUNNING\n`;
  if (!detailed) {
    return head;
  }
  return (
    head +
    verdict.notReady
      .map((p) => `${p.namespec} ${p.state}${p.reason === null ? '' : ` (${p.reason})`}\n`)
      .join('')
  );
};
