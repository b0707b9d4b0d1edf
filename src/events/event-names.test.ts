import { describe, expect, it } from 'vitest';

import { EVENT_TYPE_NAMES } from '../config/event-types.js';
import type { SupervisorEvent } from '../model/events.js';
import { busTypesFor, eventName, subscriptionMatches } from './event-names.js';

const running: SupervisorEvent = {
  type: 'PROCESS_STATE',
  processName: 'web',
  groupName: 'web',
  from: 'STARTING',
  to: 'RUNNING',
  pid: 1,
  tries: 0,
  expected: false,
};
const log: SupervisorEvent = {
  type: 'PROCESS_LOG',
  channel: 'stderr',
  processName: 'web',
  groupName: 'web',
  pid: 1,
  data: new Uint8Array(),
};
const tick: SupervisorEvent = { type: 'TICK', period: 60, when: 120 };
const remote: SupervisorEvent = { type: 'REMOTE_COMMUNICATION', commType: 't', data: 'd' };

const every: SupervisorEvent[] = [
  ...(
    ['STOPPED', 'STARTING', 'RUNNING', 'BACKOFF', 'STOPPING', 'EXITED', 'FATAL', 'UNKNOWN'] as const
  ).map((to): SupervisorEvent => ({ ...running, to })),
  log,
  { ...log, channel: 'stdout' },
  {
    type: 'PROCESS_COMMUNICATION',
    channel: 'stdout',
    processName: 'a',
    groupName: 'a',
    pid: 1,
    data: new Uint8Array(),
  },
  {
    type: 'PROCESS_COMMUNICATION',
    channel: 'stderr',
    processName: 'a',
    groupName: 'a',
    pid: 1,
    data: new Uint8Array(),
  },
  remote,
  { type: 'SUPERVISOR_STATE_CHANGE', to: 'RUNNING' },
  { type: 'SUPERVISOR_STATE_CHANGE', to: 'STOPPING' },
  { type: 'TICK', period: 5, when: 0 },
  tick,
  { type: 'TICK', period: 3600, when: 0 },
  { type: 'PROCESS_GROUP', change: 'ADDED', groupName: 'g' },
  { type: 'PROCESS_GROUP', change: 'REMOVED', groupName: 'g' },
  ...(['READY', 'NOT_READY', 'NOT_LIVE'] as const).map((change): SupervisorEvent => ({
    type: 'PROCESS_HEALTH',
    change,
    processName: 'a',
    groupName: 'a',
    pid: 1,
    failures: 0,
    reason: '',
  })),
];

describe('event names', () => {
  it('names each event as supervisord does', () => {
    expect(eventName(running)).toBe('PROCESS_STATE_RUNNING');
    expect(eventName(log)).toBe('PROCESS_LOG_STDERR');
    expect(eventName(tick)).toBe('TICK_60');
    expect(eventName(remote)).toBe('REMOTE_COMMUNICATION');
  });

  it('produces every concrete name the config accepts, and only those', () => {
    const names = new Set(every.map(eventName));
    const abstract = [
      'EVENT',
      'PROCESS_STATE',
      'PROCESS_LOG',
      'PROCESS_COMMUNICATION',
      'SUPERVISOR_STATE_CHANGE',
      'TICK',
      'PROCESS_GROUP',
      'PROCESS_HEALTH',
    ];
    expect([...names].sort()).toEqual(
      [...EVENT_TYPE_NAMES].filter((n) => !abstract.includes(n)).sort(),
    );
  });
});

describe('subscriptions', () => {
  const matches = (names: string[], event: SupervisorEvent): boolean =>
    subscriptionMatches(new Set(names), event);

  it('EVENT takes everything', () => {
    expect(every.every((e) => matches(['EVENT'], e))).toBe(true);
  });

  it('an umbrella takes its family only', () => {
    expect(matches(['PROCESS_STATE'], running)).toBe(true);
    expect(matches(['PROCESS_STATE'], log)).toBe(false);
    expect(matches(['PROCESS_LOG'], log)).toBe(true);
    expect(matches(['TICK'], tick)).toBe(true);
  });

  it('a concrete name takes that name only', () => {
    expect(matches(['PROCESS_STATE_RUNNING'], running)).toBe(true);
    expect(matches(['PROCESS_STATE_EXITED'], running)).toBe(false);
    expect(matches(['TICK_5'], tick)).toBe(false);
    expect(matches(['PROCESS_LOG_STDOUT'], log)).toBe(false);
  });

  it('asks the bus only for the types a subscription can match', () => {
    expect(busTypesFor(new Set(['TICK_60', 'PROCESS_STATE_EXITED']))).toEqual([
      'PROCESS_STATE',
      'TICK',
    ]);
    expect(busTypesFor(new Set(['REMOTE_COMMUNICATION']))).toEqual(['REMOTE_COMMUNICATION']);
    expect(busTypesFor(new Set(['EVENT']))).toHaveLength(8);
    expect(busTypesFor(new Set(['PROCESS_STATE']))).not.toContain('PROCESS_LOG');
    expect(busTypesFor(new Set(['PROCESS_STATE']))).not.toContain('PROCESS_HEALTH');
    expect(busTypesFor(new Set(['PROCESS_HEALTH_READY']))).toEqual(['PROCESS_HEALTH']);
  });
});
