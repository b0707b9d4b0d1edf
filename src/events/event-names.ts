// supervisord's event type names: the concrete name of each bus event (PROCESS_STATE_RUNNING,
// TICK_5, …), the abstract umbrellas above it, and which names an `events=` subscription matches.

import type { SupervisorEvent, SupervisorEventType } from '../model/events.js';

/** What a listener sees after `eventname:` in the envelope. */
export const eventName = (event: SupervisorEvent): string => {
  switch (event.type) {
    case 'PROCESS_STATE':
      return `PROCESS_STATE_${event.to}`;
    case 'PROCESS_LOG':
      return `PROCESS_LOG_${event.channel.toUpperCase()}`;
    case 'PROCESS_COMMUNICATION':
      return `PROCESS_COMMUNICATION_${event.channel.toUpperCase()}`;
    case 'REMOTE_COMMUNICATION':
      return 'REMOTE_COMMUNICATION';
    case 'SUPERVISOR_STATE_CHANGE':
      return `SUPERVISOR_STATE_CHANGE_${event.to}`;
    case 'TICK':
      return `TICK_${event.period}`;
    case 'PROCESS_GROUP':
      return `PROCESS_GROUP_${event.change}`;
    case 'PROCESS_HEALTH':
      return `PROCESS_HEALTH_${event.change}`;
  }
};

/**
 * The abstract names that receive every event of a bus type. REMOTE_COMMUNICATION has no
 * umbrella of its own besides EVENT (its bus type and its event name coincide).
 */
const UMBRELLA_OF: Readonly<Record<SupervisorEventType, string>> = {
  PROCESS_STATE: 'PROCESS_STATE',
  PROCESS_LOG: 'PROCESS_LOG',
  PROCESS_COMMUNICATION: 'PROCESS_COMMUNICATION',
  REMOTE_COMMUNICATION: 'REMOTE_COMMUNICATION',
  SUPERVISOR_STATE_CHANGE: 'SUPERVISOR_STATE_CHANGE',
  TICK: 'TICK',
  PROCESS_GROUP: 'PROCESS_GROUP',
  PROCESS_HEALTH: 'PROCESS_HEALTH',
};

export const BUS_EVENT_TYPES = Object.keys(UMBRELLA_OF) as readonly SupervisorEventType[];

/** Whether a pool subscribed to `subscribed` (upper-cased names from events=) takes the event. */
export const subscriptionMatches = (
  subscribed: ReadonlySet<string>,
  event: SupervisorEvent,
): boolean =>
  subscribed.has('EVENT') ||
  subscribed.has(UMBRELLA_OF[event.type]) ||
  subscribed.has(eventName(event));

/**
 * The bus types a subscription can match, so the bus only calls pools for those (a busy child's
 * PROCESS_LOG events are never built when no pool wants them).
 */
export const busTypesFor = (subscribed: ReadonlySet<string>): SupervisorEventType[] =>
  subscribed.has('EVENT')
    ? [...BUS_EVENT_TYPES]
    : BUS_EVENT_TYPES.filter((type) =>
        [...subscribed].some((name) => name === UMBRELLA_OF[type] || name.startsWith(`${type}_`)),
      );
