// Run-to-completion for one process: inputs are handled one at a time, an input arriving
// meanwhile (a child exiting synchronously, a subscriber reacting) waits its turn, and events
// are held back until the queue is empty, so subscribers always see a settled process.

export interface Handled<I, R> {
  readonly result: R;
  /** inputs that must be handled next, before anything queued meanwhile */
  readonly followUps: readonly I[];
}

export class Mailbox<I, R, E> {
  private readonly queue: I[] = [];
  private draining = false;
  private readonly outbox: E[] = [];
  private publishing = false;

  constructor(
    private readonly handle: (input: I) => Handled<I, R>,
    private readonly publish: (event: E) => void,
  ) {}

  /** The result of handling `input`, or undefined when it had to wait in the queue. */
  send(input: I): R | undefined {
    if (this.draining) {
      this.queue.push(input);
      return undefined;
    }
    this.draining = true;
    let result: R;
    try {
      result = this.run(input);
      for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) {
        this.run(next);
      }
    } finally {
      this.draining = false;
    }
    this.flush();
    return result;
  }

  /** Queue an event for when the current input and its follow-ups are done. */
  emit(event: E): void {
    this.outbox.push(event);
  }

  private run(input: I): R {
    const { result, followUps } = this.handle(input);
    this.queue.unshift(...followUps);
    return result;
  }

  private flush(): void {
    // A subscriber's own send() publishes through this loop, after the events before it.
    if (this.publishing) {
      return;
    }
    this.publishing = true;
    try {
      for (let event = this.outbox.shift(); event !== undefined; event = this.outbox.shift()) {
        this.publish(event);
      }
    } finally {
      this.publishing = false;
    }
  }
}
