// The payload text of each event, token for token as supervisord renders it (spec §7.1): what a
// listener reads after the envelope's header line.

import type { ProcessStateEvent, SupervisorEvent } from '../model/events.js';
import { reprBytes } from '../model/python-repr.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Output bytes as text; invalid UTF-8 is shown as Python's repr, as supervisord does. */
export const outputText = (data: Uint8Array): string => {
  try {
    return strictUtf8.decode(data);
  } catch {
    return `Undecodable: ${reprBytes(data)}`;
  }
};

/** The values after from_state, which depend on the state entered. */
const stateExtras = (event: ProcessStateEvent): string => {
  switch (event.to) {
    case 'STARTING':
    case 'BACKOFF':
      return ` tries:${event.tries}`;
    case 'EXITED':
      return ` expected:${event.expected ? 1 : 0} pid:${event.pid}`;
    case 'RUNNING':
    case 'STOPPING':
    case 'STOPPED':
      return ` pid:${event.pid}`;
    case 'FATAL':
    case 'UNKNOWN':
      return '';
  }
};

export const eventPayload = (event: SupervisorEvent): string => {
  switch (event.type) {
    case 'PROCESS_STATE':
      return (
        `processname:${event.processName} groupname:${event.groupName} ` +
        `from_state:${event.from}${stateExtras(event)}`
      );
    case 'PROCESS_LOG':
      return (
        `processname:${event.processName} groupname:${event.groupName} pid:${event.pid} ` +
        `channel:${event.channel}\n${outputText(event.data)}`
      );
    case 'PROCESS_COMMUNICATION':
      return (
        `processname:${event.processName} groupname:${event.groupName} pid:${event.pid}\n` +
        outputText(event.data)
      );
    case 'REMOTE_COMMUNICATION':
      return `type:${event.commType}\n${event.data}`;
    case 'SUPERVISOR_STATE_CHANGE':
      return '';
    case 'TICK':
      return `when:${event.when}`;
    case 'PROCESS_GROUP':
      // The trailing newline is supervisord's, and it counts in len.
      return `groupname:${event.groupName}\n`;
    case 'PROCESS_HEALTH':
      // Ours, in the same style: tokens, then the reason as the body (it may hold spaces).
      return (
        `processname:${event.processName} groupname:${event.groupName} pid:${event.pid} ` +
        `failures:${event.failures}\n${event.reason}`
      );
  }
};
