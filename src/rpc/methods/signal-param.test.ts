import { describe, expect, it } from 'vitest';

import { parseSignal } from './signal-param.js';

describe('parseSignal (supervisord signal_number)', () => {
  it.each([
    ['HUP', 'HUP'],
    ['sighup', 'HUP'],
    [' term ', 'TERM'],
    ['9', 'KILL'],
    [' 1_0 ', 'USR1'],
    ['+15', 'TERM'],
    [15, 'TERM'],
    ['SIG_IGN', 'HUP'],
    ['_setmask', 'INT'],
    ['IOT', 'ABRT'],
    ['RTMIN', 'RTMIN'],
  ] as const)('%j → %s', (given, name) => {
    expect(parseSignal(given)).toEqual({ kind: 'signal', name });
  });

  it.each([0, '0', 'SIG_DFL', 'sig_block'])('%j is signal 0: a probe', (given) => {
    expect(parseSignal(given)).toEqual({ kind: 'probe' });
  });

  it.each(['bogus', '', 'SIG', '-9', '35', 99, '1__0', '9.0', 'RTMIN+1'])(
    '%j is not a signal',
    (given) => {
      expect(parseSignal(given)).toBeUndefined();
    },
  );
});
