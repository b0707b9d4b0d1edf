import { describe, expect, it } from 'vitest';

import { ctime, startFailedMessage, unexpectedFaultMessage } from './action-messages.js';

describe('ctime', () => {
  it('formats as time.ctime(): day of month padded with a space', () => {
    expect(ctime(new Date(2026, 11, 5, 8, 1, 33).getTime())).toBe('Sat Dec  5 08:01:33 2026');
    expect(ctime(new Date(2027, 0, 31, 23, 59, 9).getTime())).toBe('Sun Jan 31 23:59:09 2027');
  });
});

describe('fault messages', () => {
  it('words start failures as supervisord does, others as an unexpected fault', () => {
    expect(startFailedMessage('x', { faultCode: 21, faultString: 'NOT_EXECUTABLE: /bin/x' })).toBe(
      'ERROR: Process x: file not executable',
    );
    expect(startFailedMessage('x', { faultCode: 6, faultString: 'SHUTDOWN_STATE' })).toBe(
      'ERROR: Process x: unexpected rpc fault [6] SHUTDOWN_STATE',
    );
    expect(unexpectedFaultMessage({ faultCode: 70, faultString: 'NOT_RUNNING: crash' })).toBe(
      'unexpected rpc fault [70] NOT_RUNNING: crash',
    );
  });
});
