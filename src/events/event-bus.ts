// A typed, synchronous publish/subscribe bus. The engine publishes; RPC waiters, listener pools
// and the dashboard subscribe. A throwing subscriber never reaches the publisher.

import type { SupervisorEvent, SupervisorEventType } from '../model/events.js';

type Handler<T extends SupervisorEventType> = (
  event: Extract<SupervisorEvent, { type: T }>,
) => void;
type AnyHandler = (event: SupervisorEvent) => void;

export type Unsubscribe = () => void;

/**
 * Handler lists are copied on subscribe and unsubscribe, never on publish: events are far more
 * frequent, and a publish then walks the list as it was when it began, whatever its handlers
 * subscribe or unsubscribe meanwhile.
 */
type HandlerList = readonly AnyHandler[];

const without = (list: HandlerList, handler: AnyHandler): HandlerList => {
  const at = list.indexOf(handler);
  return at < 0 ? list : [...list.slice(0, at), ...list.slice(at + 1)];
};

export class EventBus {
  private readonly byType = new Map<SupervisorEventType, HandlerList>();
  private all: HandlerList = [];

  constructor(private readonly onHandlerError: (error: unknown) => void = () => undefined) {}

  subscribe<T extends SupervisorEventType>(type: T, handler: Handler<T>): Unsubscribe {
    const h = handler as AnyHandler;
    const list = this.byType.get(type) ?? [];
    if (!list.includes(h)) {
      this.byType.set(type, [...list, h]);
    }
    return () => {
      const current = this.byType.get(type);
      if (current !== undefined) {
        this.byType.set(type, without(current, h));
      }
    };
  }

  subscribeAll(handler: AnyHandler): Unsubscribe {
    if (!this.all.includes(handler)) {
      this.all = [...this.all, handler];
    }
    return () => {
      this.all = without(this.all, handler);
    };
  }

  /** True when somebody listens for this type: lets hot paths skip building events. */
  hasSubscribers(type: SupervisorEventType): boolean {
    return this.all.length > 0 || (this.byType.get(type)?.length ?? 0) > 0;
  }

  publish(event: SupervisorEvent): void {
    const typed = this.byType.get(event.type);
    const all = this.all;
    if (typed !== undefined) {
      for (const h of typed) {
        this.deliver(h, event);
      }
    }
    for (const h of all) {
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
