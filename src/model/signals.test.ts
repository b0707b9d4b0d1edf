import { describe, expect, it } from 'vitest';

import { describeExit } from './exit-status.js';
import { signalByName, signalByNumber } from './signals.js';

describe('signal names', () => {
  it.each([
    ['TERM', 'TERM'],
    ['sigterm', 'TERM'],
    [' Term ', 'TERM'],
    ['IOT', 'ABRT'],
    ['cld', 'CHLD'],
    ['SIGPOLL', 'IO'],
    ['nope', undefined],
    ['SIG', undefined],
  ])('%j → %j', (raw, expected) => {
    expect(signalByName(raw)).toBe(expected);
  });

  it('maps numbers, including RTMIN and RTMAX', () => {
    expect(signalByNumber(9)).toBe('KILL');
    expect(signalByNumber(34)).toBe('RTMIN');
    expect(signalByNumber(64)).toBe('RTMAX');
    expect(signalByNumber(40)).toBeUndefined();
  });
});

describe('exit descriptions', () => {
  it('words exits as supervisord does', () => {
    expect(describeExit({ kind: 'exited', code: 3 })).toBe('exit status 3');
    expect(describeExit({ kind: 'signalled', signal: 'KILL', coreDumped: false })).toBe(
      'terminated by SIGKILL',
    );
    expect(describeExit({ kind: 'signalled', signal: 11, coreDumped: true })).toBe(
      'terminated by SIGSEGV (core dumped)',
    );
  });
});
