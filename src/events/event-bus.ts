// A typed, synchronous publish/subscribe bus. The engine publishes; RPC waiters, listener pools
// and the dashboard subscribe. A throwing subscriber never reaches the publisher.

import type { SupervisorEvent, SupervisorEventType } from '../model/events.js';

type Handler<T extends SupervisorEventType> = (
  event: Extract<SupervisorEvent, { type: T }>,
) => void;
type AnyHandler = (event: SupervisorEvent) => void;

export type Unsubscribe = () => void;

export class EventBus {
  private readonly byType = new Map<SupervisorEventType, Set<AnyHandler>>();
  private readonly all = new Set<AnyHandler>();

  constructor(private readonly onHandlerError: (error: unknown) => void = () => undefined) {}

  subscribe<T extends SupervisorEventType>(type: T, handler: Handler<T>): Unsubscribe {
    let set = this.byType.get(type);
    if (set === undefined) {
      set = new Set();
      this.byType.set(type, set);
    }
    const h = handler as AnyHandler;
    set.add(h);
    return () => set.delete(h);
  }

  subscribeAll(handler: AnyHandler): Unsubscribe {
    this.all.add(handler);
    return () => this.all.delete(handler);
  }

  /** True when somebody listens for this type: lets hot paths skip building events. */
  hasSubscribers(type: SupervisorEventType): boolean {
    return this.all.size > 0 || (this.byType.get(type)?.size ?? 0) > 0;
  }

  publish(event: SupervisorEvent): void {
    const typed = this.byType.get(event.type);
    if (typed !== undefined) {
      for (const h of [...typed]) {
        this.deliver(h, event);
      }
    }
    for (const h of [...this.all]) {
      this.deliver(h, event);
    }
  }

  private deliver(handler: AnyHandler, event: SupervisorEvent): void {
    try {
      handler(event);
    } catch (error) {
      this.onHandlerError(error);
    }
  }
}
