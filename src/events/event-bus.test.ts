import { describe, expect, it } from 'vitest';

import type { SupervisorEvent } from '../model/events.js';
import { EventBus } from './event-bus.js';

const groupAdded = (groupName: string): SupervisorEvent => ({
  type: 'PROCESS_GROUP',
  change: 'ADDED',
  groupName,
});

describe('EventBus', () => {
  it('delivers to typed handlers, then to catch-all ones, and stops after unsubscribe', () => {
    const bus = new EventBus();
    const seen: string[] = [];
    const off = bus.subscribe('PROCESS_GROUP', (e) => seen.push(`typed ${e.groupName}`));
    bus.subscribeAll(() => seen.push('all'));
    bus.publish(groupAdded('a'));
    off();
    bus.publish(groupAdded('b'));
    expect(seen).toEqual(['typed a', 'all', 'all']);
  });

  it('walks the handlers as they were when the publish began', () => {
    const bus = new EventBus();
    const seen: string[] = [];
    const offSecond = bus.subscribe('PROCESS_GROUP', () => seen.push('second'));
    const offFirst = bus.subscribe('PROCESS_GROUP', () => {
      seen.push('first');
      offFirst();
      offSecond();
      bus.subscribe('PROCESS_GROUP', () => seen.push('late'));
    });
    bus.publish(groupAdded('a'));
    expect(seen).toEqual(['second', 'first']);
    bus.publish(groupAdded('b'));
    expect(seen).toEqual(['second', 'first', 'late']);
  });

  it('lets a handler unsubscribe itself while the others still get the event', () => {
    const bus = new EventBus();
    const seen: string[] = [];
    const off = bus.subscribe('PROCESS_GROUP', () => {
      seen.push('once');
      off();
    });
    bus.subscribe('PROCESS_GROUP', () => seen.push('always'));
    bus.publish(groupAdded('a'));
    bus.publish(groupAdded('b'));
    expect(seen).toEqual(['once', 'always', 'always']);
  });

  it('reports a throwing handler and carries on', () => {
    const errors: unknown[] = [];
    const bus = new EventBus((error) => errors.push(error));
    const seen: string[] = [];
    bus.subscribe('PROCESS_GROUP', () => {
      throw new Error('boom');
    });
    bus.subscribe('PROCESS_GROUP', () => seen.push('after'));
    bus.publish(groupAdded('a'));
    expect(seen).toEqual(['after']);
    expect(errors).toHaveLength(1);
  });

  it('says whether a type has subscribers', () => {
    const bus = new EventBus();
    expect(bus.hasSubscribers('PROCESS_GROUP')).toBe(false);
    const off = bus.subscribe('PROCESS_GROUP', () => undefined);
    expect(bus.hasSubscribers('PROCESS_GROUP')).toBe(true);
    off();
    expect(bus.hasSubscribers('PROCESS_GROUP')).toBe(false);
  });
});
