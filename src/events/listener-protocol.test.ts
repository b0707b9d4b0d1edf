import { describe, expect, it } from 'vitest';

import {
  eventSent,
  feedProtocol,
  initialProtocolState,
  parseResultLength,
  type ProtocolNote,
  type ProtocolState,
} from './listener-protocol.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const dec = (b: Uint8Array): string => new TextDecoder().decode(b);

/** Feed the chunks one after another; notes rendered as short strings. */
const run = (state: ProtocolState, ...chunks: string[]): { state: string; notes: string[] } => {
  let current = state;
  const notes: string[] = [];
  const show = (n: ProtocolNote): string => {
    switch (n.kind) {
      case 'changed':
        return `${n.from}->${n.to}`;
      case 'result':
        return `result:${dec(n.body)}`;
      case 'bad-result-line':
        return `bad:${dec(n.line)}`;
    }
  };
  for (const chunk of chunks) {
    const fed = feedProtocol(current, enc(chunk));
    current = fed.state;
    notes.push(...fed.notes.map(show));
  }
  return { state: current.kind, notes };
};

describe('the listener protocol', () => {
  it('a new listener becomes READY on READY\\n', () => {
    expect(run(initialProtocolState(), 'READY\n')).toEqual({
      state: 'READY',
      notes: ['ACKNOWLEDGED->READY'],
    });
  });

  it('waits for six bytes before judging the greeting', () => {
    expect(run(initialProtocolState(), 'REA', 'DY', '\n').state).toBe('READY');
    expect(run(initialProtocolState(), 'REA').state).toBe('ACKNOWLEDGED');
  });

  it('any other greeting is a violation: UNKNOWN, for good', () => {
    expect(run(initialProtocolState(), 'HELLO\n', 'READY\n')).toEqual({
      state: 'UNKNOWN',
      notes: ['ACKNOWLEDGED->UNKNOWN'],
    });
  });

  it('output while READY (nothing was asked) is a violation', () => {
    expect(run(initialProtocolState(), 'READY\nhi')).toEqual({
      state: 'UNKNOWN',
      notes: ['ACKNOWLEDGED->READY', 'READY->UNKNOWN'],
    });
  });

  it('a BUSY listener answers RESULT <n>\\n and n bytes, then is ACKNOWLEDGED', () => {
    expect(run(eventSent(), 'RESULT 2\nOK')).toEqual({
      state: 'ACKNOWLEDGED',
      notes: ['result:OK', 'BUSY->ACKNOWLEDGED'],
    });
  });

  it('takes the result and the next READY in one write', () => {
    expect(run(eventSent(), 'RESULT 4\nFAILREADY\n')).toEqual({
      state: 'READY',
      notes: ['result:FAIL', 'BUSY->ACKNOWLEDGED', 'ACKNOWLEDGED->READY'],
    });
  });

  it('reassembles a result split anywhere', () => {
    const whole = 'RESULT 2\nOKREADY\n';
    for (let i = 1; i < whole.length; i++) {
      for (let j = i; j < whole.length; j++) {
        const out = run(eventSent(), whole.slice(0, i), whole.slice(i, j), whole.slice(j));
        expect(out.state).toBe('READY');
        expect(out.notes).toContain('result:OK');
      }
    }
  });

  it('does not check the word RESULT, only what follows its 7 characters', () => {
    expect(run(eventSent(), 'XXXXXX 2\nOK').notes).toContain('result:OK');
  });

  it('a body may hold anything, newlines included', () => {
    expect(run(eventSent(), 'RESULT 5\nO\nK\n\n').notes).toContain('result:O\nK\n\n');
  });

  it('RESULT 0 is an empty body (rejected by the default handler, but well formed)', () => {
    expect(run(eventSent(), 'RESULT 0\n')).toEqual({
      state: 'ACKNOWLEDGED',
      notes: ['result:', 'BUSY->ACKNOWLEDGED'],
    });
  });

  it('a result length that is not an integer is a bad result line and UNKNOWN', () => {
    expect(run(eventSent(), 'RESULT x\nOK')).toEqual({
      state: 'UNKNOWN',
      notes: ['bad:RESULT x', 'BUSY->UNKNOWN'],
    });
  });

  it('a result line that never ends is cut off rather than buffered forever', () => {
    const out = run(eventSent(), 'RESULT ', '9'.repeat(5000));
    expect(out.state).toBe('UNKNOWN');
  });

  it('ignores everything once UNKNOWN', () => {
    expect(run({ kind: 'UNKNOWN' }, 'READY\n', 'RESULT 2\nOK')).toEqual({
      state: 'UNKNOWN',
      notes: [],
    });
  });
});

describe("the result length, as Python's int() reads it", () => {
  it.each([
    ['2', 2],
    [' 2 ', 2],
    ['+2', 2],
    ['0004', 4],
    ['1_000', 1000],
    ['2\r', 2],
    ['-0', 0],
  ])('%j → %d', (text, value) => {
    expect(parseResultLength(enc(text))).toBe(value);
  });

  it.each(['', 'x', '2x', '1__0', '_1', '1.0', '-1', '0x10'])('%j is not a length', (text) => {
    expect(parseResultLength(enc(text))).toBeNull();
  });
});
