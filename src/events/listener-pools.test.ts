import { PassThrough } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { ManualClock } from '../../test/fakes/manual-clock.js';
import { MemoryLogger } from '../../test/fakes/memory-logger.js';
import type { ExitStatus } from '../model/exit-status.js';
import type { ProcessOutput } from '../ports/process-output.js';
import type { ChildHandle } from '../ports/spawner.js';
import { EventBus } from './event-bus.js';
import { ListenerPools } from './listener-pools.js';

/** A listener child whose pipes are in-memory streams. */
class PipeChild implements ChildHandle {
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  readonly stdin = new PassThrough();
  readonly received: string[] = [];
  private readonly exits: ((s: ExitStatus) => void)[] = [];

  constructor(readonly pid: number) {
    this.stdin.on('data', (b: Buffer) => this.received.push(b.toString()));
  }

  signal(): { kind: 'sent' } {
    return { kind: 'sent' };
  }

  onExit(callback: (s: ExitStatus) => void): void {
    this.exits.push(callback);
  }

  say(text: string): void {
    this.stdout.write(text);
  }

  exit(): void {
    for (const cb of this.exits) {
      cb({ kind: 'exited', code: 0 });
    }
  }

  /** serials received so far */
  serials(): number[] {
    return this.received.map((e) => Number(/ serial:(\d+)/.exec(e)?.[1]));
  }
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const world = () => {
  const bus = new EventBus((e) => {
    throw e;
  });
  const clock = new ManualClock();
  const logger = new MemoryLogger();
  const pools = new ListenerPools({ bus, clock, logger, identifier: 'sup' });
  const logged: string[] = [];
  const baseAttached: ChildHandle[] = [];
  const output = (pool: string, name: string, events: string[], bufferSize = 10): ProcessOutput => {
    const base: ProcessOutput = {
      stdoutPath: null,
      stderrPath: null,
      attach: (child) => baseAttached.push(child),
      close: () => Promise.resolve(),
    };
    return pools.listenerOutput({ name: pool, events, bufferSize }, name, base, {
      record: (data) => {
        logged.push(Buffer.from(data).toString());
        return true;
      },
      onceWritable: (cb) => cb(),
    });
  };
  const running = (group: string, name: string, pid: number): void =>
    bus.publish({
      type: 'PROCESS_STATE',
      processName: name,
      groupName: group,
      from: 'STARTING',
      to: 'RUNNING',
      pid,
      tries: 0,
      expected: false,
    });
  /** A listener child attached to `out`, READY and RUNNING (its RUNNING event is published). */
  const ready = async (out: ProcessOutput, pool: string, pid: number): Promise<PipeChild> => {
    const child = new PipeChild(pid);
    out.attach(child);
    child.say('READY\n');
    await flush();
    running(pool, pool, pid);
    return child;
  };
  return { bus, clock, logger, pools, output, logged, baseAttached, running, ready };
};

describe('listener pools on the bus', () => {
  it('an event no pool wants consumes no serial', async () => {
    const w = world();
    const child = await w.ready(w.output('ticks', 'ticks', ['TICK_5']), 'ticks', 10);
    w.bus.publish({ type: 'PROCESS_GROUP', change: 'ADDED', groupName: 'x' });
    w.bus.publish({ type: 'TICK', period: 5, when: 5 });
    await flush();
    expect(child.received).toEqual([
      'ver:3.0 server:sup serial:0 pool:ticks poolserial:0 eventname:TICK_5 len:6\nwhen:5',
    ]);
  });

  it('one global serial across pools, a pool serial per pool', async () => {
    const w = world();
    const a = new PipeChild(1);
    const b = new PipeChild(2);
    w.output('all', 'all', ['EVENT']).attach(a);
    w.output('groups', 'groups', ['PROCESS_GROUP']).attach(b);
    a.say('READY\n');
    b.say('READY\n');
    await flush();
    // the RUNNING events themselves go to 'all' (serials 0, 1)
    w.running('all', 'all', 1);
    w.running('groups', 'groups', 2);
    w.bus.publish({ type: 'PROCESS_GROUP', change: 'ADDED', groupName: 'web' });
    await flush();
    expect(a.received[0]).toMatch(
      / serial:0 pool:all poolserial:0 eventname:PROCESS_STATE_RUNNING /,
    );
    expect(b.received).toEqual([
      'ver:3.0 server:sup serial:2 pool:groups poolserial:0 eventname:PROCESS_GROUP_ADDED len:14\ngroupname:web\n',
    ]);
  });

  it('delivers an event once to a pool whose events= matches it twice', async () => {
    const w = world();
    const out = w.output('p', 'p', ['PROCESS_STATE', 'PROCESS_STATE_RUNNING', 'EVENT']);
    const child = await w.ready(out, 'p', 3);
    child.say('RESULT 2\nOKREADY\n');
    await flush();
    expect(child.serials()).toEqual([0]);
    expect(w.pools.pool('p')?.queuedSerials()).toEqual([]);
  });

  it("a listener's stdout is recorded to its log and read as protocol; stderr goes to the ordinary output", async () => {
    const w = world();
    const child = new PipeChild(7);
    w.output('p', 'p', ['EVENT']).attach(child);
    child.say('READY\n');
    await flush();
    expect(w.logged).toEqual(['READY\n']);
    expect(w.baseAttached[0]?.stdout).toBeNull();
    expect(w.baseAttached[0]?.stderr).toBe(child.stderr);
    expect(w.pools.pool('p')?.listenerState('p')).toBe('READY');
  });

  it('a listener that dies holding an event gives it back once its pipe has ended', async () => {
    const w = world();
    const out = w.output('p', 'p', ['TICK']);
    const first = await w.ready(out, 'p', 1);
    w.bus.publish({ type: 'TICK', period: 5, when: 5 });
    await flush();
    expect(first.serials()).toEqual([0]);
    first.exit();
    expect(w.pools.pool('p')?.queuedSerials()).toEqual([]);
    first.stdout.end();
    await flush();
    expect(w.pools.pool('p')?.queuedSerials()).toEqual([0]);
    const second = new PipeChild(2);
    out.attach(second);
    second.say('READY\n');
    await flush();
    w.running('p', 'p', 2);
    await flush();
    expect(second.serials()).toEqual([0]);
  });

  it('an answer written just before exiting still counts', async () => {
    const w = world();
    const child = await w.ready(w.output('p', 'p', ['TICK']), 'p', 1);
    w.bus.publish({ type: 'TICK', period: 5, when: 5 });
    child.exit();
    child.say('RESULT 2\nOK');
    child.stdout.end();
    await flush();
    expect(w.pools.pool('p')?.queuedSerials()).toEqual([]);
  });

  it('if a grandchild keeps the pipe open, the event comes back after a grace period', async () => {
    const w = world();
    const child = await w.ready(w.output('p', 'p', ['TICK']), 'p', 1);
    w.bus.publish({ type: 'TICK', period: 5, when: 5 });
    child.exit();
    w.clock.advance(999);
    expect(w.pools.pool('p')?.queuedSerials()).toEqual([]);
    w.clock.advance(1);
    expect(w.pools.pool('p')?.queuedSerials()).toEqual([0]);
  });

  it('asks the bus for PROCESS_LOG only while some pool wants it', async () => {
    const w = world();
    expect(w.bus.hasSubscribers('PROCESS_LOG')).toBe(false);
    const out = w.output('logs', 'logs', ['PROCESS_LOG_STDERR']);
    expect(w.bus.hasSubscribers('PROCESS_LOG')).toBe(true);
    await out.close();
    expect(w.bus.hasSubscribers('PROCESS_LOG')).toBe(false);
  });

  it('a removed pool takes no more events (it never sees its own REMOVED)', async () => {
    const w = world();
    const out = w.output('g', 'g', ['PROCESS_GROUP']);
    await out.close();
    w.bus.publish({ type: 'PROCESS_GROUP', change: 'REMOVED', groupName: 'g' });
    expect(w.pools.pool('g')).toBeUndefined();
  });

  it('close() stops the ticks and the subscriptions', () => {
    const w = world();
    w.pools.start();
    expect(w.clock.activeTimers).toBe(1);
    w.pools.close();
    expect(w.clock.activeTimers).toBe(0);
    expect(w.bus.hasSubscribers('PROCESS_STATE')).toBe(false);
  });
});
