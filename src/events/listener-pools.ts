// Every [eventlistener:x] pool of a daemon run: made when the engine creates a pool's processes
// (so a pool sees its own PROCESS_GROUP_ADDED), fed from the bus, serials numbered across pools.

import type { SupervisorEvent, SupervisorEventType } from '../model/events.js';
import type { Clock } from '../ports/clock.js';
import type { DaemonLogger } from '../ports/logger.js';
import type { ProcessOutput } from '../ports/process-output.js';
import type { EventBus, Unsubscribe } from './event-bus.js';
import { busTypesFor, eventName } from './event-names.js';
import { eventPayload } from './event-payload.js';
import { ListenerOutput, type ListenerStdoutLog } from './listener-output.js';
import { ListenerPool, type PoolSettings } from './listener-pool.js';
import { SerialCounter } from './serial-counter.js';
import { TickSource } from './tick-source.js';

export interface ListenerPoolsDeps {
  readonly bus: EventBus;
  readonly clock: Clock;
  readonly logger: DaemonLogger;
  /** [supervisord] identifier */
  readonly identifier: string;
}

export class ListenerPools {
  /** in creation order: the order pools take an event in */
  private readonly pools = new Map<string, { pool: ListenerPool; open: Set<string> }>();
  private readonly serials = new SerialCounter();
  private readonly subscriptions = new Map<SupervisorEventType, Unsubscribe>();
  private readonly ticks: TickSource;

  constructor(private readonly deps: ListenerPoolsDeps) {
    this.ticks = new TickSource(deps.clock, (event) => deps.bus.publish(event));
    this.resubscribe();
  }

  /** Start the TICK timer (when supervisord is RUNNING). */
  start(): void {
    this.ticks.start();
  }

  /** Stop ticking and stop taking events (the daemon run is over). */
  close(): void {
    this.ticks.stop();
    for (const unsubscribe of this.subscriptions.values()) {
      unsubscribe();
    }
    this.subscriptions.clear();
  }

  pool(name: string): ListenerPool | undefined {
    return this.pools.get(name)?.pool;
  }

  /** Each pool's events discarded by a full buffer, in creation order. */
  discardedEvents(): { readonly pool: string; readonly discarded: number }[] {
    return [...this.pools.values()].map(({ pool }) => ({
      pool: pool.name,
      discarded: pool.discarded,
    }));
  }

  /**
   * The output of one listener process, wrapping its ordinary output. Called in config order
   * for the processes of a pool, which is the order dispatch tries them in.
   */
  listenerOutput(
    settings: PoolSettings,
    processName: string,
    base: ProcessOutput,
    stdoutLog: ListenerStdoutLog,
  ): ProcessOutput {
    let entry = this.pools.get(settings.name);
    if (entry === undefined) {
      const pool = new ListenerPool(settings, {
        logger: this.deps.logger,
        identifier: this.deps.identifier,
      });
      entry = { pool, open: new Set() };
      this.pools.set(settings.name, entry);
      this.resubscribe();
    }
    const { pool, open } = entry;
    pool.addListener(processName);
    open.add(processName);
    return new ListenerOutput({
      pool,
      processName,
      base,
      stdoutLog,
      clock: this.deps.clock,
      onClose: () => {
        open.delete(processName);
        // Like supervisord's before_remove: a removed pool stops taking events at once, so it
        // never sees its own PROCESS_GROUP_REMOVED.
        if (open.size === 0 && this.pools.get(settings.name)?.pool === pool) {
          this.pools.delete(settings.name);
          this.resubscribe();
        }
      },
    });
  }

  private onEvent(event: SupervisorEvent): void {
    if (event.type === 'PROCESS_STATE') {
      this.pools.get(event.groupName)?.pool.processStateChanged(event.processName, event.to);
    }
    const takers = [...this.pools.values()].map((e) => e.pool).filter((pool) => pool.wants(event));
    if (takers.length === 0) {
      // An event nobody subscribes to consumes no serial.
      return;
    }
    const serial = this.serials.next();
    const name = eventName(event);
    let rendered: string | undefined;
    const payload = (): string => (rendered ??= eventPayload(event));
    for (const pool of takers) {
      pool.accept(serial, name, payload);
    }
  }

  /** Listen on the bus only for the types some pool can take (and process states, always). */
  private resubscribe(): void {
    const wanted = new Set<SupervisorEventType>(['PROCESS_STATE']);
    for (const { pool } of this.pools.values()) {
      for (const type of busTypesFor(new Set(pool.settings.events))) {
        wanted.add(type);
      }
    }
    for (const [type, unsubscribe] of this.subscriptions) {
      if (!wanted.has(type)) {
        unsubscribe();
        this.subscriptions.delete(type);
      }
    }
    for (const type of wanted) {
      if (!this.subscriptions.has(type)) {
        this.subscriptions.set(
          type,
          this.deps.bus.subscribe(type, (event) => this.onEvent(event)),
        );
      }
    }
  }
}
