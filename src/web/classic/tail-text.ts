// What the tail page shows: the last `limit` bytes of a process's stdout log, read with
// supervisor.readProcessStdoutLog as supervisord's page reads it, or the words for why not.

import { catchFault } from '../../protocol/faults.js';
import { FAULT_CODES } from '../../model/faults.js';
import type { SupervisorApi } from '../../protocol/supervisor-api.js';
import { unexpectedFaultMessage } from './action-messages.js';

export const NO_PROCESS_NAME = 'No process name found';

export const readTailText = async (
  api: SupervisorApi,
  namespec: string | null,
  limit: number,
): Promise<string> => {
  if (namespec === null) {
    return NO_PROCESS_NAME;
  }
  const read = await catchFault(() => api.readProcessLog(namespec, 'stdout', -limit));
  if (read.ok) {
    return read.value;
  }
  return read.fault.faultCode === FAULT_CODES.NO_FILE
    ? `No file for ${namespec}`
    : `ERROR: ${unexpectedFaultMessage(read.fault)}`;
};
