import { describe, expect, it } from 'vitest';

import type { ProcessStateEvent, SupervisorEvent } from '../model/events.js';
import type { ProcessStateName } from '../model/process-state.js';
import { eventPayload } from './event-payload.js';

const state = (
  from: ProcessStateName,
  to: ProcessStateName,
  extra: Partial<ProcessStateEvent> = {},
): SupervisorEvent => ({
  type: 'PROCESS_STATE',
  processName: 'web_01',
  groupName: 'web',
  from,
  to,
  pid: 0,
  tries: 0,
  expected: false,
  ...extra,
});

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const head = 'processname:web_01 groupname:web';

describe('event payloads (spec §7.1)', () => {
  it.each<[string, SupervisorEvent, string]>([
    ['STARTING', state('STOPPED', 'STARTING', { tries: 0 }), `${head} from_state:STOPPED tries:0`],
    [
      'STARTING again',
      state('BACKOFF', 'STARTING', { tries: 2 }),
      `${head} from_state:BACKOFF tries:2`,
    ],
    ['RUNNING', state('STARTING', 'RUNNING', { pid: 41 }), `${head} from_state:STARTING pid:41`],
    ['BACKOFF', state('STARTING', 'BACKOFF', { tries: 1 }), `${head} from_state:STARTING tries:1`],
    ['STOPPING', state('RUNNING', 'STOPPING', { pid: 41 }), `${head} from_state:RUNNING pid:41`],
    ['STOPPED', state('STOPPING', 'STOPPED', { pid: 41 }), `${head} from_state:STOPPING pid:41`],
    ['STOPPED from BACKOFF', state('BACKOFF', 'STOPPED'), `${head} from_state:BACKOFF pid:0`],
    [
      'EXITED expected',
      state('RUNNING', 'EXITED', { pid: 41, expected: true }),
      `${head} from_state:RUNNING expected:1 pid:41`,
    ],
    [
      'EXITED unexpected',
      state('RUNNING', 'EXITED', { pid: 41 }),
      `${head} from_state:RUNNING expected:0 pid:41`,
    ],
    ['FATAL', state('BACKOFF', 'FATAL'), `${head} from_state:BACKOFF`],
    ['UNKNOWN', state('RUNNING', 'UNKNOWN'), `${head} from_state:RUNNING`],
    [
      'PROCESS_LOG_STDOUT',
      {
        type: 'PROCESS_LOG',
        channel: 'stdout',
        processName: 'web_01',
        groupName: 'web',
        pid: 41,
        data: bytes('héllo\n'),
      },
      `${head} pid:41 channel:stdout\nhéllo\n`,
    ],
    [
      'PROCESS_LOG_STDERR, not UTF-8',
      {
        type: 'PROCESS_LOG',
        channel: 'stderr',
        processName: 'web_01',
        groupName: 'web',
        pid: 41,
        data: Uint8Array.of(0xff, 0x0a),
      },
      `${head} pid:41 channel:stderr\nUndecodable: b'\\xff\\n'`,
    ],
    [
      'PROCESS_COMMUNICATION_STDOUT',
      {
        type: 'PROCESS_COMMUNICATION',
        channel: 'stdout',
        processName: 'web_01',
        groupName: 'web',
        pid: 41,
        data: bytes('<x/>'),
      },
      `${head} pid:41\n<x/>`,
    ],
    [
      'REMOTE_COMMUNICATION',
      { type: 'REMOTE_COMMUNICATION', commType: 'deploy', data: 'v2 ✓' },
      'type:deploy\nv2 ✓',
    ],
    ['SUPERVISOR_STATE_CHANGE_RUNNING', { type: 'SUPERVISOR_STATE_CHANGE', to: 'RUNNING' }, ''],
    ['SUPERVISOR_STATE_CHANGE_STOPPING', { type: 'SUPERVISOR_STATE_CHANGE', to: 'STOPPING' }, ''],
    ['TICK_60', { type: 'TICK', period: 60, when: 1700000040 }, 'when:1700000040'],
    [
      'PROCESS_GROUP_ADDED (trailing newline)',
      { type: 'PROCESS_GROUP', change: 'ADDED', groupName: 'web' },
      'groupname:web\n',
    ],
    [
      'PROCESS_GROUP_REMOVED',
      { type: 'PROCESS_GROUP', change: 'REMOVED', groupName: 'web' },
      'groupname:web\n',
    ],
    [
      'PROCESS_HEALTH_NOT_LIVE (ours: the reason as the body)',
      {
        type: 'PROCESS_HEALTH',
        change: 'NOT_LIVE',
        processName: 'web_1',
        groupName: 'web',
        pid: 4242,
        failures: 3,
        reason: 'timed out after 1 s',
      },
      'processname:web_1 groupname:web pid:4242 failures:3\ntimed out after 1 s',
    ],
  ])('%s', (_name, event, payload) => {
    expect(eventPayload(event)).toBe(payload);
  });
});
