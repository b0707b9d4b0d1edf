import { describe, expect, it } from 'vitest';

import { EventBus } from '../../events/event-bus.js';
import type { ProcessGroupEvent, ProcessStateEvent } from '../../model/events.js';
import type { ProcessStateName } from '../../model/process-state.js';
import { ManualClock } from '../../../test/fakes/manual-clock.js';
import { createChangeFeed } from './tssupervisor-change-feed.js';

const setup = () => {
  const clock = new ManualClock();
  const bus = new EventBus();
  const feed = createChangeFeed({
    wallMs: () => clock.wallMs(),
    setTimer: (ms, fire) => clock.setTimer(ms, fire),
    onProcessChange: (listener) => {
      const a = bus.subscribe('PROCESS_STATE', listener);
      const b = bus.subscribe('PROCESS_GROUP', listener);
      return () => (a(), b());
    },
  });
  const state = (group: string, name: string, to: ProcessStateName): void =>
    bus.publish({
      type: 'PROCESS_STATE',
      groupName: group,
      processName: name,
      from: 'STOPPED',
      to,
      pid: 0,
      tries: 0,
      expected: false,
    } satisfies ProcessStateEvent);
  const group = (groupName: string, change: 'ADDED' | 'REMOVED'): void =>
    bus.publish({ type: 'PROCESS_GROUP', groupName, change } satisfies ProcessGroupEvent);
  return { clock, feed, state, group };
};

const settled = async (promise: Promise<void>): Promise<boolean> => {
  let done = false;
  void promise.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
};

describe('the change feed', () => {
  it('changes its token on every state change and group change, never otherwise', () => {
    const { feed, state, group } = setup();
    const first = feed.token();
    expect(feed.token()).toBe(first);
    state('web', 'web', 'STARTING');
    const second = feed.token();
    expect(second).not.toBe(first);
    group('api', 'ADDED');
    expect(feed.token()).not.toBe(second);
  });

  it('wakes a waiter at the next change', async () => {
    const { feed, state } = setup();
    const wait = feed.next(20_000, new AbortController().signal);
    expect(await settled(wait)).toBe(false);
    state('web', 'web', 'RUNNING');
    expect(await settled(wait)).toBe(true);
  });

  it('gives up after the timeout, and when the caller goes away', async () => {
    const { feed, clock } = setup();
    const timed = feed.next(1000, new AbortController().signal);
    clock.advance(999);
    expect(await settled(timed)).toBe(false);
    clock.advance(1);
    expect(await settled(timed)).toBe(true);

    const gone = new AbortController();
    const aborted = feed.next(20_000, gone.signal);
    gone.abort();
    expect(await settled(aborted)).toBe(true);
    expect(clock.activeTimers).toBe(0);
  });

  it('counts restarts as spawns after the first, and forgets a removed group', () => {
    const { feed, state, group } = setup();
    expect(feed.restarts('web', 'web_0')).toBe(0);
    state('web', 'web_0', 'STARTING');
    state('web', 'web_0', 'RUNNING');
    expect(feed.restarts('web', 'web_0')).toBe(0);
    state('web', 'web_0', 'STARTING');
    state('web', 'web_0', 'BACKOFF');
    state('web', 'web_0', 'STARTING');
    expect(feed.restarts('web', 'web_0')).toBe(2);
    expect(feed.restarts('web', 'web_1')).toBe(0);
    group('web', 'REMOVED');
    expect(feed.restarts('web', 'web_0')).toBe(0);
  });
});
