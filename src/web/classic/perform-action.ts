// Doing what a status page action asks, through the same supervisor.* methods an XML-RPC client
// calls (waiting, as supervisord's page does: a slow stop holds the answer until the process
// has stopped), and wording the outcome for the banner. Faults become messages; anything else
// (a crash) is thrown on, to become a 500.

import { parseNamespec } from '../../model/namespec.js';
import { catchFault, type CallFault, type FaultOr } from '../../protocol/faults.js';
import type { SupervisorApi } from '../../protocol/supervisor-api.js';
import {
  allRestartedMessage,
  allStoppedMessage,
  doneMessage,
  logClearedMessage,
  noSuchProcessMessage,
  refreshedMessage,
  startFailedMessage,
  unexpectedFaultMessage,
} from './action-messages.js';
import type { ProcessAction, StatusAction } from './status-request.js';

export const performAction = async (
  api: SupervisorApi,
  action: StatusAction,
  nowMs: () => number,
): Promise<string> => {
  switch (action.kind) {
    case 'refresh':
      return refreshedMessage(nowMs());
    case 'stopall': {
      const stopped = await catchFault(() => api.stopAllProcesses());
      return stopped.ok ? allStoppedMessage(nowMs()) : unexpectedFaultMessage(stopped.fault);
    }
    case 'restartall':
      // supervisord runs both as one system.multicall and reports success whatever they say.
      await catchFault(() => api.stopAllProcesses());
      await catchFault(() => api.startAllProcesses());
      return allRestartedMessage(nowMs());
    case 'process':
      return performProcessAction(api, action.action, action.namespec);
  }
};

const performProcessAction = async (
  api: SupervisorApi,
  action: ProcessAction,
  namespec: string,
): Promise<string> => {
  // Only a single process: `group:*` and a bare group name are "no such process" here.
  const known =
    parseNamespec(namespec).processName !== null &&
    (await catchFault(() => api.getProcessInfo(namespec))).ok;
  if (!known) {
    return noSuchProcessMessage(namespec);
  }
  switch (action) {
    case 'start':
      return wordOutcome(await catchFault(() => api.startProcess(namespec)), {
        ok: doneMessage('started', namespec),
        fault: (fault) => startFailedMessage(namespec, fault),
      });
    case 'stop':
      return wordOutcome(await catchFault(() => api.stopProcess(namespec)), {
        ok: doneMessage('stopped', namespec),
        fault: unexpectedFaultMessage,
      });
    case 'restart':
      // A multicall in supervisord too: a stop that fails (not running) does not prevent the start.
      await catchFault(() => api.stopProcess(namespec));
      await catchFault(() => api.startProcess(namespec));
      return doneMessage('restarted', namespec);
    case 'clearlog':
      return wordOutcome(await catchFault(() => api.clearProcessLogs(namespec)), {
        ok: logClearedMessage(namespec),
        fault: unexpectedFaultMessage,
      });
  }
};

const wordOutcome = (
  outcome: FaultOr<unknown>,
  words: { readonly ok: string; readonly fault: (fault: CallFault) => string },
): string => (outcome.ok ? words.ok : words.fault(outcome.fault));
