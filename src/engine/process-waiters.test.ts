import { describe, expect, it } from 'vitest';

import { EventBus } from '../events/event-bus.js';
import type { ProcessStateEvent } from '../model/events.js';
import { ProcessWaiters } from './process-waits.js';

const stateOf = (groupName: string, processName: string): ProcessStateEvent => ({
  type: 'PROCESS_STATE',
  processName,
  groupName,
  from: 'RUNNING',
  to: 'STOPPING',
  pid: 1,
  tries: 0,
  expected: false,
});

const named = (
  groupName: string,
  name: string,
): { config: { groupName: string; name: string } } => ({
  config: { groupName, name },
});

describe('ProcessWaiters', () => {
  it('runs only the checks of the process whose state changed', () => {
    const bus = new EventBus();
    const waiters = new ProcessWaiters(bus);
    const runs: string[] = [];
    waiters.watch(named('g', 'a'), () => runs.push('g:a'));
    waiters.watch(named('g', 'b'), () => runs.push('g:b'));
    waiters.watch(named('h', 'a'), () => runs.push('h:a'));
    bus.publish(stateOf('g', 'a'));
    bus.publish(stateOf('h', 'a'));
    expect(runs).toEqual(['g:a', 'h:a']);
  });

  it('lets a check stop watching while the others of its process still run', () => {
    const bus = new EventBus();
    const waiters = new ProcessWaiters(bus);
    const runs: string[] = [];
    const stop = waiters.watch(named('g', 'a'), () => {
      runs.push('once');
      stop();
    });
    waiters.watch(named('g', 'a'), () => runs.push('always'));
    bus.publish(stateOf('g', 'a'));
    bus.publish(stateOf('g', 'a'));
    expect(runs).toEqual(['once', 'always', 'always']);
  });

  it('forgets a process once its last check is gone', () => {
    const bus = new EventBus();
    const waiters = new ProcessWaiters(bus);
    const runs: string[] = [];
    waiters.watch(named('g', 'a'), () => runs.push('first'))();
    waiters.watch(named('g', 'a'), () => runs.push('second'));
    bus.publish(stateOf('g', 'a'));
    expect(runs).toEqual(['second']);
  });
});
