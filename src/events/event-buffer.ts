// One pool's queue of events waiting for a READY listener (spec §7.4): at most buffer_size
// events; a full buffer discards its oldest event, whichever end the new one goes to.

/**
 * An event as a pool holds it: numbered when the pool accepted it; its payload rendered when
 * first sent (once for every pool), so the events a flooded buffer discards are never rendered.
 */
export interface QueuedEvent {
  /** global serial: the same in every pool that took the event */
  readonly serial: number;
  readonly poolSerial: number;
  /** PROCESS_STATE_RUNNING, TICK_5, … */
  readonly name: string;
  readonly payload: () => string;
}

export class EventBuffer {
  private items: QueuedEvent[] = [];
  /** index of the oldest event in items (shifting a long array one by one would be quadratic) */
  private head = 0;

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.items.length - this.head;
  }

  /** A new event at the tail; returns the event discarded to make room, if any. */
  push(event: QueuedEvent): QueuedEvent | undefined {
    const discarded = this.makeRoom();
    this.items.push(event);
    return discarded;
  }

  /** A rejected event back at the head; returns the event discarded to make room, if any. */
  pushFront(event: QueuedEvent): QueuedEvent | undefined {
    const discarded = this.makeRoom();
    if (this.head > 0) {
      this.head--;
      this.items[this.head] = event;
    } else {
      this.items.unshift(event);
    }
    return discarded;
  }

  /** The oldest event, removed. */
  shift(): QueuedEvent | undefined {
    if (this.size === 0) {
      return undefined;
    }
    const event = this.items[this.head];
    this.head++;
    if (this.head > 64 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return event;
  }

  /** Oldest first. */
  toArray(): QueuedEvent[] {
    return this.items.slice(this.head);
  }

  private makeRoom(): QueuedEvent | undefined {
    return this.size >= this.capacity ? this.shift() : undefined;
  }
}
