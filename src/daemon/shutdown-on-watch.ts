// shutdown_on at work: the daemon watches the state events of the programs that have it, and the
// first exit that ends the daemon logs why and asks for a shutdown with the program's status.

import { daemonExitFor } from '../engine/daemon-exit.js';
import type { Supervisor } from '../engine/supervisor.js';
import type { EventBus } from '../events/event-bus.js';
import { makeNamespec } from '../model/namespec.js';
import type { DaemonLogger } from '../ports/logger.js';

export const watchShutdownOn = (
  bus: EventBus,
  supervisor: Supervisor,
  log: DaemonLogger,
  requestExit: (status: number) => void,
): void => {
  let asked = false;
  bus.subscribe('PROCESS_STATE', (event) => {
    if (asked) {
      return;
    }
    const found = supervisor.lookup(makeNamespec(event.groupName, event.processName));
    if (found.kind !== 'process') {
      return;
    }
    const { process } = found;
    const exit = daemonExitFor(event, process.config.shutdownOn, process.lastExit);
    if (exit === null) {
      return;
    }
    asked = true;
    log.log(
      'critical',
      `shutting down: ${process.namespec} ${exit.what} and has shutdown_on=${process.config.shutdownOn}; the daemon exits with status ${exit.status}`,
    );
    requestExit(exit.status);
  });
};
