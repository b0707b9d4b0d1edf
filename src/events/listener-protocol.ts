// The event listener protocol as a pure function (spec §7.3): bytes a listener writes on stdout
// move it ACKNOWLEDGED → READY → (event sent) BUSY → result → ACKNOWLEDGED …, or to UNKNOWN.

export const LISTENER_STATE_CODES = { READY: 10, BUSY: 20, ACKNOWLEDGED: 30, UNKNOWN: 40 } as const;

export type ListenerStateName = keyof typeof LISTENER_STATE_CODES;

const READY_TOKEN = 'READY\n';
/** supervisord skips this many bytes of the result line without looking at them ("RESULT "). */
const RESULT_PREFIX_LENGTH = 7;
const NEWLINE = 0x0a;
/**
 * A result line longer than this is a violation, so a listener that never sends a newline cannot
 * grow the daemon's memory (supervisord buffers it all).
 */
const MAX_RESULT_LINE = 4096;

export type ProtocolState =
  | { readonly kind: 'ACKNOWLEDGED'; readonly pending: Uint8Array }
  | { readonly kind: 'READY' }
  | {
      readonly kind: 'BUSY';
      readonly pending: Uint8Array;
      /** null until the whole `RESULT <n>` line has arrived */
      readonly resultLength: number | null;
      readonly result: Uint8Array;
    }
  | { readonly kind: 'UNKNOWN' };

/** What the pool must act on, in the order it happened within one chunk of output. */
export type ProtocolNote =
  | { readonly kind: 'changed'; readonly from: ListenerStateName; readonly to: ListenerStateName }
  /** the whole result body arrived: the result handler decides (listener is ACKNOWLEDGED now) */
  | { readonly kind: 'result'; readonly body: Uint8Array }
  /** the length in the result line is not an integer: the event in flight is rejected */
  | { readonly kind: 'bad-result-line'; readonly line: Uint8Array };

export interface Fed {
  readonly state: ProtocolState;
  readonly notes: readonly ProtocolNote[];
}

const EMPTY = new Uint8Array(0);

/** A freshly spawned listener: it owes us `READY\n`. */
export const initialProtocolState = (): ProtocolState => ({ kind: 'ACKNOWLEDGED', pending: EMPTY });

/** An event was written to a READY listener. */
export const eventSent = (): ProtocolState => ({
  kind: 'BUSY',
  pending: EMPTY,
  resultLength: null,
  result: EMPTY,
});

const concat = (a: Uint8Array, b: Uint8Array): Uint8Array => {
  if (a.length === 0) {
    return b;
  }
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
};

const startsWithReady = (data: Uint8Array): boolean => {
  for (let i = 0; i < READY_TOKEN.length; i++) {
    if (data[i] !== READY_TOKEN.charCodeAt(i)) {
      return false;
    }
  }
  return true;
};

/**
 * Python's int() of the bytes after `RESULT `: surrounding whitespace, a sign and `_` between
 * digits are accepted. A negative length is refused too (supervisord would wait forever).
 */
export const parseResultLength = (text: Uint8Array): number | null => {
  if (text.length > MAX_RESULT_LINE) {
    return null;
  }
  const s = String.fromCharCode(...text);
  const m = /^[ \t\n\r\v\f]*([+-]?)(\d+(?:_\d+)*)[ \t\n\r\v\f]*$/.exec(s);
  if (m === null) {
    return null;
  }
  const value = Number(m[2]?.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || (m[1] === '-' && value !== 0)) {
    return null;
  }
  return value;
};

/** Feed a chunk of the listener's stdout. */
export const feedProtocol = (state: ProtocolState, chunk: Uint8Array): Fed => {
  const notes: ProtocolNote[] = [];
  let current = state;
  let data = chunk;
  const change = (next: ProtocolState): void => {
    if (next.kind !== current.kind) {
      notes.push({ kind: 'changed', from: current.kind, to: next.kind });
    }
    current = next;
  };
  // Each turn consumes input or stops: a state either waits for more bytes or moves on.
  for (;;) {
    switch (current.kind) {
      case 'UNKNOWN':
        // Fatal until respawn: whatever it says is ignored.
        return { state: current, notes };
      case 'READY':
        if (data.length === 0) {
          return { state: current, notes };
        }
        // Output while nothing was asked of it is a protocol violation.
        change({ kind: 'UNKNOWN' });
        return { state: current, notes };
      case 'ACKNOWLEDGED': {
        const buffered = concat(current.pending, data);
        data = EMPTY;
        if (buffered.length < READY_TOKEN.length) {
          current = { kind: 'ACKNOWLEDGED', pending: buffered };
          return { state: current, notes };
        }
        if (!startsWithReady(buffered)) {
          change({ kind: 'UNKNOWN' });
          return { state: current, notes };
        }
        change({ kind: 'READY' });
        data = buffered.subarray(READY_TOKEN.length);
        continue;
      }
      case 'BUSY': {
        const buffered = concat(current.pending, data);
        data = EMPTY;
        if (current.resultLength === null) {
          const end = buffered.indexOf(NEWLINE);
          if (end === -1 && buffered.length > MAX_RESULT_LINE) {
            notes.push({ kind: 'bad-result-line', line: buffered.subarray(0, MAX_RESULT_LINE) });
            change({ kind: 'UNKNOWN' });
            return { state: current, notes };
          }
          if (end === -1) {
            current = { ...current, pending: buffered };
            return { state: current, notes };
          }
          const line = buffered.subarray(0, end);
          const length = parseResultLength(line.subarray(RESULT_PREFIX_LENGTH));
          if (length === null) {
            notes.push({ kind: 'bad-result-line', line });
            change({ kind: 'UNKNOWN' });
            return { state: current, notes };
          }
          current = { ...current, pending: EMPTY, resultLength: length };
          data = buffered.subarray(end + 1);
          continue;
        }
        const needed = current.resultLength - current.result.length;
        const result = concat(current.result, buffered.subarray(0, needed));
        const rest = buffered.subarray(needed);
        if (result.length < current.resultLength) {
          current = { ...current, pending: EMPTY, result };
          return { state: current, notes };
        }
        notes.push({ kind: 'result', body: result });
        change({ kind: 'ACKNOWLEDGED', pending: EMPTY });
        data = rest;
        continue;
      }
    }
  }
};
