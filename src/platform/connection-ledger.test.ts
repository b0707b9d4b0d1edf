import { describe, expect, it } from 'vitest';

import {
  budgetWithinFdLimit,
  createConnectionLedger,
  type ConnectionBudget,
} from './connection-ledger.js';

const budget: ConnectionBudget = { untrusted: 3, trusted: 2, untrustedTimeoutMs: 1000 };

/** Opens connections named by the strings, one ms apart from `startMs`; returns all evictions. */
const openAll = (
  ledger: ReturnType<typeof createConnectionLedger<string>>,
  names: readonly string[],
  startMs = 0,
): string[] => names.flatMap((name, i) => ledger.opened(name, startMs + i));

/** A connection that sent one request the service vouched for, still in progress. */
const trustBusy = (
  ledger: ReturnType<typeof createConnectionLedger<string>>,
  name: string,
): readonly string[] => {
  ledger.requestStarted(name);
  return ledger.trust(name);
};

describe('untrusted connections', () => {
  it('are admitted up to the budget, then the oldest makes room for each newcomer', () => {
    const ledger = createConnectionLedger<string>(budget);
    expect(openAll(ledger, ['a', 'b', 'c'])).toEqual([]);
    expect(ledger.opened('d', 10)).toEqual(['a']);
    expect(ledger.opened('e', 11)).toEqual(['b']);
    expect(ledger.counts()).toEqual({ untrusted: 3, trusted: 0 });
  });

  it('never evict the newcomer, even with a budget of 0', () => {
    const ledger = createConnectionLedger<string>({ ...budget, untrusted: 0 });
    expect(ledger.opened('a', 0)).toEqual([]);
    expect(ledger.opened('b', 1)).toEqual(['a']);
  });

  it('are evicted oldest first whether or not a refused request is in progress', () => {
    const ledger = createConnectionLedger<string>(budget);
    openAll(ledger, ['a', 'b', 'c']);
    ledger.requestStarted('a'); // e.g. a 401 waiting for the body
    expect(ledger.opened('d', 5)).toEqual(['a']);
  });

  it('expire at their deadline, oldest first, and only those', () => {
    const ledger = createConnectionLedger<string>(budget);
    openAll(ledger, ['a', 'b', 'c'], 100);
    expect(ledger.nextDeadlineMs()).toBe(1100);
    expect(ledger.expire(1099)).toEqual([]);
    expect(ledger.expire(1101)).toEqual(['a', 'b']);
    expect(ledger.nextDeadlineMs()).toBe(1102);
    expect(ledger.expire(5000)).toEqual(['c']);
    expect(ledger.nextDeadlineMs()).toBeNull();
  });

  it('leave the ledger when closed, freeing their place', () => {
    const ledger = createConnectionLedger<string>(budget);
    openAll(ledger, ['a', 'b', 'c']);
    ledger.closed('b');
    expect(ledger.opened('d', 5)).toEqual([]);
    expect(ledger.opened('e', 6)).toEqual(['a']);
  });
});

describe('trusted connections', () => {
  it('leave the untrusted budget and its deadline', () => {
    const ledger = createConnectionLedger<string>(budget);
    openAll(ledger, ['a', 'b', 'c']);
    expect(trustBusy(ledger, 'a')).toEqual([]);
    expect(ledger.counts()).toEqual({ untrusted: 2, trusted: 1 });
    expect(ledger.expire(10_000)).toEqual(['b', 'c']);
    expect(openAll(ledger, ['d', 'e', 'f', 'g'], 20_000)).toEqual(['d']);
    expect(ledger.counts()).toEqual({ untrusted: 3, trusted: 1 });
  });

  it('make room by evicting the one idle longest, never a busy one', () => {
    const ledger = createConnectionLedger<string>(budget);
    openAll(ledger, ['a', 'b', 'c']);
    trustBusy(ledger, 'a');
    trustBusy(ledger, 'b');
    ledger.requestEnded('b'); // b idle first
    ledger.requestEnded('a'); // then a
    expect(trustBusy(ledger, 'c')).toEqual(['b']);
    expect(ledger.counts()).toEqual({ untrusted: 0, trusted: 2 });
  });

  it('count idleness from the end of their last request', () => {
    const ledger = createConnectionLedger<string>(budget);
    openAll(ledger, ['a', 'b', 'c']);
    trustBusy(ledger, 'a');
    trustBusy(ledger, 'b');
    ledger.requestEnded('a');
    ledger.requestEnded('b');
    ledger.requestStarted('a'); // a is used again: b is now the longest idle
    ledger.requestEnded('a');
    expect(trustBusy(ledger, 'c')).toEqual(['b']);
  });

  it('are not idle while any of their pipelined requests is in progress', () => {
    const ledger = createConnectionLedger<string>(budget);
    openAll(ledger, ['a', 'b', 'c']);
    trustBusy(ledger, 'a');
    ledger.requestStarted('a');
    ledger.requestEnded('a');
    trustBusy(ledger, 'b');
    // a still has one request in progress (a stream, say): not evictable.
    expect(trustBusy(ledger, 'c')).toEqual([]);
    expect(ledger.counts()).toEqual({ untrusted: 1, trusted: 2 });
  });

  it('leave a newcomer untrusted when every trusted connection is busy', () => {
    const ledger = createConnectionLedger<string>(budget);
    openAll(ledger, ['a', 'b', 'c']);
    trustBusy(ledger, 'a');
    trustBusy(ledger, 'b');
    expect(trustBusy(ledger, 'c')).toEqual([]);
    expect(ledger.counts()).toEqual({ untrusted: 1, trusted: 2 });
    // Once one is idle, the next request on c is trusted.
    ledger.requestEnded('c');
    ledger.requestEnded('a');
    expect(trustBusy(ledger, 'c')).toEqual(['a']);
  });

  it('are never expired nor evicted by newcomers', () => {
    const ledger = createConnectionLedger<string>(budget);
    ledger.opened('a', 0);
    trustBusy(ledger, 'a');
    ledger.requestEnded('a');
    expect(openAll(ledger, ['b', 'c', 'd', 'e', 'f'], 1)).toEqual(['b', 'c']);
    expect(ledger.expire(1_000_000)).toEqual(['d', 'e', 'f']);
    expect(ledger.counts()).toEqual({ untrusted: 0, trusted: 1 });
  });

  it('ignore reports about connections already gone', () => {
    const ledger = createConnectionLedger<string>(budget);
    openAll(ledger, ['a', 'b', 'c', 'd']); // a evicted
    expect(ledger.trust('a')).toEqual([]);
    ledger.requestStarted('a');
    ledger.requestEnded('a');
    ledger.closed('a');
    expect(ledger.counts()).toEqual({ untrusted: 3, trusted: 0 });
    expect(ledger.trust('zz')).toEqual([]);
  });
});

describe('budgetWithinFdLimit', () => {
  const wanted: ConnectionBudget = { untrusted: 256, trusted: 1024, untrustedTimeoutMs: 10_000 };

  it.each([
    [null, 256, 1024],
    [Number.POSITIVE_INFINITY, 256, 1024],
    [1_048_576, 256, 1024],
    [4096, 256, 1024],
    [1024, 64, 256],
    [256, 16, 64],
  ])('with a limit of %s files: %d untrusted, %d trusted', (limit, untrusted, trusted) => {
    expect(budgetWithinFdLimit(wanted, limit)).toEqual({ ...wanted, untrusted, trusted });
  });
});
