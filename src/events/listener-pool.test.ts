import { describe, expect, it } from 'vitest';

import { MemoryLogger } from '../../test/fakes/memory-logger.js';
import { ListenerPool, type ListenerSession } from './listener-pool.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A pool with listeners a, b (config order), spawned, with their stdin recorded. */
const world = (opts: { bufferSize?: number; listeners?: string[] } = {}) => {
  const logger = new MemoryLogger();
  const pool = new ListenerPool(
    { name: 'p', events: ['EVENT'], bufferSize: opts.bufferSize ?? 10 },
    { logger, identifier: 'sup' },
  );
  const names = opts.listeners ?? ['a', 'b'];
  const stdin = new Map<string, string[]>();
  const closed = new Set<string>();
  const sessions = new Map<string, ListenerSession>();
  const spawn = (name: string, pid = 100): ListenerSession => {
    const session = pool.spawned(name, pid, (bytes) => {
      if (closed.has(name)) {
        return false;
      }
      stdin.get(name)?.push(new TextDecoder().decode(bytes));
      return true;
    });
    stdin.set(name, []);
    sessions.set(name, session);
    return session;
  };
  for (const name of names) {
    pool.addListener(name);
    spawn(name);
  }
  const session = (name: string): ListenerSession => {
    const s = sessions.get(name);
    if (s === undefined) {
      throw new Error(name);
    }
    return s;
  };
  const up = (name: string): void => {
    session(name).output(enc('READY\n'));
    pool.processStateChanged(name, 'RUNNING');
  };
  /** serials each listener received, in order */
  const got = (name: string): number[] =>
    (stdin.get(name) ?? []).map((e) => Number(/ serial:(\d+)/.exec(e)?.[1]));
  let serial = 0;
  const publish = (n = 1): void => {
    for (let i = 0; i < n; i++) {
      pool.accept(serial++, 'TICK_5', () => `when:${i}`);
    }
  };
  return { pool, logger, stdin, closed, spawn, session, up, got, publish };
};

describe('dispatch', () => {
  it('holds events until a listener is both RUNNING and READY', () => {
    const w = world();
    w.publish(2);
    w.session('a').output(enc('READY\n'));
    expect(w.got('a')).toEqual([]);
    w.pool.processStateChanged('a', 'RUNNING');
    expect(w.got('a')).toEqual([0]);
    expect(w.pool.queuedSerials()).toEqual([1]);
  });

  it('does not send to a RUNNING listener that has not said READY', () => {
    const w = world();
    w.pool.processStateChanged('a', 'RUNNING');
    w.publish();
    expect(w.got('a')).toEqual([]);
  });

  it('sends the exact envelope, one event at a time per listener', () => {
    const w = world({ listeners: ['a'] });
    w.up('a');
    w.publish(2);
    expect(w.stdin.get('a')).toEqual([
      'ver:3.0 server:sup serial:0 pool:p poolserial:0 eventname:TICK_5 len:6\nwhen:0',
    ]);
    w.session('a').output(enc('RESULT 2\nOKREADY\n'));
    expect(w.got('a')).toEqual([0, 1]);
  });

  it('picks the first READY listener in config order', () => {
    const w = world();
    w.up('b');
    w.up('a');
    w.publish(3);
    expect(w.got('a')).toEqual([0]);
    expect(w.got('b')).toEqual([1]);
    w.session('b').output(enc('RESULT 2\nOKREADY\n'));
    expect(w.got('b')).toEqual([1, 2]);
  });

  it('skips a listener whose stdin is closed and tries the next one', () => {
    const w = world();
    w.up('a');
    w.up('b');
    w.closed.add('a');
    w.publish();
    expect(w.got('b')).toEqual([0]);
    expect(w.logger.texts).toContain(
      'DEBUG epipe occurred while sending event 0 to listener a, listener state unchanged',
    );
  });
});

describe('results', () => {
  it('OK accepts: the event is gone', () => {
    const w = world({ listeners: ['a'] });
    w.up('a');
    w.publish();
    w.session('a').output(enc('RESULT 2\nOKREADY\n'));
    expect(w.pool.queuedSerials()).toEqual([]);
    expect(w.logger.texts).toContain('DEBUG a: event was processed');
  });

  it('FAIL rejects: the same event (same serials) comes again, before newer ones', () => {
    const w = world({ listeners: ['a'] });
    w.up('a');
    w.publish(2);
    w.session('a').output(enc('RESULT 4\nFAILREADY\n'));
    expect(w.stdin.get('a')?.[1]).toBe(w.stdin.get('a')?.[0]);
    expect(w.logger.texts).toContain('WARN a: event was rejected');
    expect(w.logger.texts).toContain('DEBUG rebuffering event 0 for pool p (buf size=1, max=10)');
    w.session('a').output(enc('RESULT 2\nOKREADY\n'));
    expect(w.got('a')).toEqual([0, 0, 1]);
  });

  it('anything but exactly OK rejects', () => {
    const w = world({ listeners: ['a'] });
    w.up('a');
    w.publish();
    w.session('a').output(enc('RESULT 3\nOK\nREADY\n'));
    expect(w.got('a')).toEqual([0, 0]);
  });

  it('a bad result line: WARN texts, UNKNOWN, and the event goes to another listener', () => {
    const w = world();
    w.up('a');
    w.publish();
    w.up('b');
    w.session('a').output(enc('RESULT x\nOK'));
    expect(w.logger.notable).toEqual([
      "WARN a: bad result line: 'RESULT x'",
      'WARN a: has entered the UNKNOWN state and will no longer receive events, this usually indicates the process violated the eventlistener protocol',
    ]);
    expect(w.pool.listenerState('a')).toBe('UNKNOWN');
    expect(w.got('b')).toEqual([0]);
    w.publish();
    w.session('b').output(enc('RESULT 2\nOKREADY\n'));
    expect(w.got('a')).toEqual([0]);
    expect(w.got('b')).toEqual([0, 1]);
  });

  it('a respawned listener starts afresh (UNKNOWN is per child)', () => {
    const w = world({ listeners: ['a'] });
    w.session('a').output(enc('HELLO\n'));
    expect(w.pool.listenerState('a')).toBe('UNKNOWN');
    w.session('a').exited();
    w.session('a').ended();
    w.spawn('a', 101);
    expect(w.pool.listenerState('a')).toBe('ACKNOWLEDGED');
    w.up('a');
    w.publish();
    expect(w.got('a')).toEqual([0]);
  });
});

describe('a listener that dies', () => {
  it('gives its event back, and the respawned listener gets it', () => {
    const w = world({ listeners: ['a'] });
    w.up('a');
    w.publish(2);
    w.pool.processStateChanged('a', 'EXITED');
    w.session('a').exited();
    w.session('a').ended();
    expect(w.pool.queuedSerials()).toEqual([0, 1]);
    w.spawn('a', 101);
    w.pool.processStateChanged('a', 'STARTING');
    w.session('a').output(enc('READY\n'));
    w.pool.processStateChanged('a', 'RUNNING');
    expect(w.got('a')).toEqual([0]);
  });

  it('gives its event to another listener of the pool at once', () => {
    const w = world();
    w.up('a');
    w.up('b');
    w.publish(3);
    w.session('a').exited();
    w.session('a').ended();
    w.session('b').output(enc('RESULT 2\nOKREADY\n'));
    expect(w.got('b')).toEqual([1, 0]);
  });

  it('gets nothing more once it exited, even before its pipe ended', () => {
    const w = world({ listeners: ['a'] });
    w.up('a');
    w.publish();
    w.session('a').exited();
    w.session('a').output(enc('RESULT 2\nOKREADY\n'));
    w.publish();
    expect(w.got('a')).toEqual([0]);
    // its answer still counted: nothing to give back
    w.session('a').ended();
    expect(w.pool.queuedSerials()).toEqual([1]);
  });

  it('a broken stdin counts like a death', () => {
    const w = world();
    w.up('a');
    w.up('b');
    w.publish();
    w.session('a').stdinFailed();
    expect(w.got('b')).toEqual([0]);
  });
});

describe('buffer_size', () => {
  it('drops the oldest event with the reference ERRO line', () => {
    const w = world({ bufferSize: 2 });
    w.publish(3);
    expect(w.pool.queuedSerials()).toEqual([1, 2]);
    expect(w.logger.notable).toEqual(['ERROR pool p event buffer overflowed, discarding event 0']);
    expect(w.pool.discarded).toBe(1);
  });

  it('never renders the payload of an event it drops', () => {
    const w = world({ bufferSize: 2, listeners: ['a'] });
    const rendered: number[] = [];
    for (const serial of [0, 1, 2, 3]) {
      w.pool.accept(serial, 'TICK_5', () => {
        rendered.push(serial);
        return `when:${serial}`;
      });
    }
    w.up('a');
    w.session('a').output(enc('RESULT 2\nOKREADY\n'));
    expect(w.got('a')).toEqual([2, 3]);
    expect(rendered).toEqual([2, 3]);
  });

  it('an event in flight does not count against the buffer', () => {
    const w = world({ bufferSize: 2, listeners: ['a'] });
    w.up('a');
    w.publish(3);
    expect(w.got('a')).toEqual([0]);
    expect(w.pool.queuedSerials()).toEqual([1, 2]);
    expect(w.logger.notable).toEqual([]);
    expect(w.pool.discarded).toBe(0);
  });

  it('a rejected event re-queued into a full buffer goes first; the oldest queued one is dropped', () => {
    const w = world({ bufferSize: 2, listeners: ['a'] });
    w.up('a');
    w.publish(3);
    w.session('a').output(enc('RESULT 4\nFAIL'));
    expect(w.pool.queuedSerials()).toEqual([0, 2]);
    expect(w.logger.notable).toContain('ERROR pool p event buffer overflowed, discarding event 1');
    expect(w.pool.discarded).toBe(1);
  });
});

describe('pool serials', () => {
  it('number the events this pool took, from 0, next to the global serial', () => {
    const w = world({ listeners: ['a'] });
    w.up('a');
    w.pool.accept(5, 'TICK_5', () => 'when:5');
    expect(w.stdin.get('a')?.[0]).toMatch(/^ver:3\.0 server:sup serial:5 pool:p poolserial:0 /);
  });
});
