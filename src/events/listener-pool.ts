// One [eventlistener:x] pool: its buffer, its listeners in config order and their protocol
// state, dispatch of the oldest event to the first RUNNING+READY listener, and what happens to an
// event a listener rejects, garbles, or dies holding (it goes back to the head of this pool).

import type { SupervisorEvent } from '../model/events.js';
import type { ProcessStateName } from '../model/process-state.js';
import type { DaemonLogger } from '../ports/logger.js';
import { encodeEnvelope } from './envelope.js';
import { EventBuffer, type QueuedEvent } from './event-buffer.js';
import { subscriptionMatches } from './event-names.js';
import {
  eventSent,
  feedProtocol,
  initialProtocolState,
  type ListenerStateName,
  type ProtocolState,
} from './listener-protocol.js';
import { outputText } from './event-payload.js';
import { eventLogTexts, type LogLine } from './log-texts.js';
import { SerialCounter } from './serial-counter.js';

export interface PoolSettings {
  readonly name: string;
  /** upper-cased type names from events= (abstract ones included) */
  readonly events: readonly string[];
  readonly bufferSize: number;
}

export interface PoolDeps {
  readonly logger: DaemonLogger;
  /** [supervisord] identifier: the envelope's server token */
  readonly identifier: string;
}

/** Writes to a listener's stdin; false when the pipe is already closed (nothing was written). */
export type StdinWriter = (bytes: Uint8Array) => boolean;

/** One spawned listener child, from spawn to exit. */
interface Session {
  readonly pid: number;
  readonly write: StdinWriter;
  protocol: ProtocolState;
  inFlight: QueuedEvent | null;
  /** false once the child exited or its stdin broke: it gets no more events */
  usable: boolean;
}

interface Listener {
  readonly name: string;
  processState: ProcessStateName;
  session: Session | null;
}

/** The result handler supervisord uses by default: only a body of exactly `OK` accepts. */
const acceptedBy = (body: Uint8Array): boolean =>
  body.length === 2 && body[0] === 0x4f && body[1] === 0x4b;

/** What the listener's output pipe reports to its pool, one object per spawned child. */
export interface ListenerSession {
  /** a chunk of the listener's stdout, in order */
  output(chunk: Uint8Array): void;
  /** its stdin broke: no more events go to it; the one in flight goes back to the buffer */
  stdinFailed(): void;
  /** the child exited: no more events go to it */
  exited(): void;
  /** its last output has been read: an event still in flight is given back to the pool */
  ended(): void;
}

export class ListenerPool {
  private readonly subscribed: ReadonlySet<string>;
  private readonly buffer: EventBuffer;
  private readonly serials = new SerialCounter();
  private readonly listeners: Listener[] = [];
  private pumping = false;
  private discardedCount = 0;

  constructor(
    readonly settings: PoolSettings,
    private readonly deps: PoolDeps,
  ) {
    this.subscribed = new Set(settings.events);
    this.buffer = new EventBuffer(settings.bufferSize);
  }

  get name(): string {
    return this.settings.name;
  }

  /** Events a full buffer has discarded since the pool was made (a metric). */
  get discarded(): number {
    return this.discardedCount;
  }

  /** Serials of the buffered events, oldest first (for tests and diagnostics). */
  queuedSerials(): number[] {
    return this.buffer.toArray().map((e) => e.serial);
  }

  listenerState(processName: string): ListenerStateName | null {
    return this.find(processName)?.session?.protocol.kind ?? null;
  }

  wants(event: SupervisorEvent): boolean {
    return subscriptionMatches(this.subscribed, event);
  }

  /** Listeners are added in config order: the order dispatch tries them in. */
  addListener(processName: string): void {
    if (this.find(processName) === undefined) {
      this.listeners.push({ name: processName, processState: 'STOPPED', session: null });
    }
  }

  /** Take an event this pool subscribes to; numbered here, rendered (once) by the caller. */
  accept(serial: number, name: string, payload: () => string): void {
    const event = { serial, poolSerial: this.serials.next(), name, payload };
    this.overflowed(this.buffer.push(event));
    this.pump();
  }

  /** The engine's view of a listener's process: events go only to RUNNING ones. */
  processStateChanged(processName: string, to: ProcessStateName): void {
    const listener = this.find(processName);
    if (listener !== undefined) {
      listener.processState = to;
      this.pump();
    }
  }

  /** A listener child was spawned: it starts ACKNOWLEDGED and owes us `READY\n`. */
  spawned(processName: string, pid: number, write: StdinWriter): ListenerSession {
    const listener = this.find(processName);
    if (listener === undefined) {
      throw new Error(`internal error: ${processName} is not a listener of pool ${this.name}`);
    }
    // An earlier child whose pipe never ended (a grandchild holds it) is done now.
    if (listener.session !== null) {
      this.endSession(listener, listener.session);
    }
    const session: Session = {
      pid,
      write,
      protocol: initialProtocolState(),
      inFlight: null,
      usable: true,
    };
    listener.session = session;
    return {
      output: (chunk) => this.output(listener, session, chunk),
      stdinFailed: () => {
        session.usable = false;
        this.giveBack(session);
        this.pump();
      },
      exited: () => {
        session.usable = false;
      },
      ended: () => this.endSession(listener, session),
    };
  }

  private endSession(listener: Listener, session: Session): void {
    session.usable = false;
    this.giveBack(session);
    if (listener.session === session) {
      listener.session = null;
    }
    this.pump();
  }

  private output(listener: Listener, session: Session, chunk: Uint8Array): void {
    const fed = feedProtocol(session.protocol, chunk);
    session.protocol = fed.state;
    for (const note of fed.notes) {
      switch (note.kind) {
        case 'changed':
          this.log(eventLogTexts.changed(listener.name, note.from, note.to));
          if (note.to === 'UNKNOWN') {
            this.log(eventLogTexts.unknown(listener.name));
          }
          // Leaving BUSY with the event still held (rejected, or a bad result line) gives it back.
          if (note.from === 'BUSY') {
            this.giveBack(session);
          }
          break;
        case 'result':
          if (acceptedBy(note.body)) {
            this.log(eventLogTexts.processed(listener.name));
            session.inFlight = null;
          } else {
            this.log(eventLogTexts.rejected(listener.name));
          }
          break;
        case 'bad-result-line':
          this.log(eventLogTexts.badResultLine(listener.name, outputText(note.line)));
          break;
      }
    }
    this.pump();
  }

  /**
   * The event a listener held goes back to the head of this pool only. (supervisord compares
   * processes by priority here and re-queues it into every pool with an equal-priority process,
   * which delivers duplicates; see docs/events.md.)
   */
  private giveBack(session: Session): void {
    const event = session.inFlight;
    session.inFlight = null;
    if (event === null) {
      return;
    }
    this.log(
      eventLogTexts.rebuffering(event.serial, this.name, this.buffer.size, this.buffer.capacity),
    );
    this.overflowed(this.buffer.pushFront(event));
  }

  private overflowed(discarded: QueuedEvent | undefined): void {
    if (discarded !== undefined) {
      this.discardedCount++;
      this.log(eventLogTexts.overflowed(this.name, discarded.serial));
    }
  }

  /** Oldest event first, each to the first RUNNING listener that is READY, until none is. */
  private pump(): void {
    // A write never calls back synchronously, but a guard keeps dispatch strictly ordered anyway.
    if (this.pumping) {
      return;
    }
    this.pumping = true;
    try {
      while (this.buffer.size > 0 && this.dispatchOne()) {
        // dispatched one; try the next
      }
    } finally {
      this.pumping = false;
    }
  }

  private dispatchOne(): boolean {
    const event = this.buffer.shift();
    if (event === undefined) {
      return false;
    }
    for (const listener of this.listeners) {
      const session = listener.session;
      if (
        listener.processState !== 'RUNNING' ||
        session?.usable !== true ||
        session.protocol.kind !== 'READY'
      ) {
        continue;
      }
      const envelope = encodeEnvelope({
        server: this.deps.identifier,
        serial: event.serial,
        pool: this.name,
        poolSerial: event.poolSerial,
        eventName: event.name,
        payload: event.payload(),
      });
      if (!session.write(envelope)) {
        session.usable = false;
        this.log(eventLogTexts.stdinClosed(event.serial, listener.name));
        continue;
      }
      session.protocol = eventSent();
      session.inFlight = event;
      this.log(eventLogTexts.sent(event.serial, listener.name));
      return true;
    }
    // Nobody can take it: it stays the oldest.
    this.buffer.pushFront(event);
    return false;
  }

  private find(processName: string): Listener | undefined {
    return this.listeners.find((l) => l.name === processName);
  }

  private log(line: LogLine): void {
    this.deps.logger.log(line.level, line.text);
  }
}
