// supervisord's ordered shutdown (spec §2.6): groups one at a time from the highest priority
// number down (dependents before their dependencies, see stop-order.ts), each stopped and waited for before the next, with a `waiting for … to die`
// report at most every 3 s.

import type { EventBus } from '../events/event-bus.js';
import type { Clock, Timer } from '../ports/clock.js';
import type { DaemonLogger } from '../ports/logger.js';
import type { ProcessGroup } from './group.js';
import { logTexts } from './log-texts.js';
import { shutdownOrder } from './stop-order.js';

const REPORT_EVERY_MS = 3000;

export interface ShutdownDeps {
  readonly bus: EventBus;
  readonly clock: Clock;
  readonly logger: DaemonLogger;
  /** the live groups, in the order they were added (the order reports list processes in) */
  readonly groups: () => readonly ProcessGroup[];
}

const untilStopped = (bus: EventBus, group: ProcessGroup): Promise<void> =>
  new Promise((resolve) => {
    if (group.unstopped().length === 0) {
      resolve();
      return;
    }
    const unsubscribe = bus.subscribe('PROCESS_STATE', (event) => {
      if (event.groupName === group.name && group.unstopped().length === 0) {
        unsubscribe();
        resolve();
      }
    });
  });

/** Lists every unstopped process of every group, like supervisord's shutdown_report. */
const reporter = (deps: ShutdownDeps): { report: () => void; end: () => void } => {
  let lastMs = -Infinity;
  let timer: Timer | undefined;
  const report = (): void => {
    const unstopped = deps.groups().flatMap((g) => g.unstopped());
    if (unstopped.length === 0) {
      return;
    }
    const now = deps.clock.monotonicMs();
    if (now - lastMs >= REPORT_EVERY_MS) {
      lastMs = now;
      deps.logger.log('info', logTexts.waitingToDie(unstopped.map((p) => p.config.name)));
      for (const p of unstopped) {
        deps.logger.log('blather', `${p.config.name} state: ${p.state}`);
      }
    }
    timer?.cancel();
    timer = deps.clock.setTimer(lastMs + REPORT_EVERY_MS - now, report);
  };
  return { report, end: () => timer?.cancel() };
};

export const stopInOrder = async (deps: ShutdownDeps): Promise<void> => {
  const { report, end } = reporter(deps);
  try {
    for (const group of shutdownOrder(deps.groups())) {
      group.shutdown();
      report();
      await untilStopped(deps.bus, group);
    }
  } finally {
    end();
  }
};
