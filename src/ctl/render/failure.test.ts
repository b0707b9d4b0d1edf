import { expect, it } from 'vitest';

import { RpcClientError, type RpcFailure } from '../../protocol/client-error.js';
import { ShapeError } from '../../protocol/wire-value.js';
import { renderErrorLine } from './failure.js';

const URL = 'unix:///run/supervisor.sock';

it.each<[RpcFailure, string]>([
  [{ kind: 'connection-refused', server: 'x' }, `error: ${URL} refused connection`],
  [{ kind: 'socket-missing', server: 'x' }, `error: ${URL} no such file`],
  [
    { kind: 'unreachable', server: 'x', code: 'EACCES', message: 'connect EACCES /run/s.sock' },
    `error: cannot connect to ${URL}: permission denied (EACCES)`,
  ],
  [
    { kind: 'unreachable', server: 'x', code: 'EWEIRD', message: 'connect EWEIRD' },
    `error: cannot connect to ${URL}: connect EWEIRD`,
  ],
  [
    { kind: 'http-status', status: 500, reason: 'Internal Server Error' },
    `error: ${URL} answered HTTP 500 Internal Server Error`,
  ],
  [
    { kind: 'fault', faultCode: 6, faultString: 'SHUTDOWN_STATE', fault: 'SHUTDOWN_STATE' },
    "error: <Fault 6: 'SHUTDOWN_STATE'>",
  ],
  [
    { kind: 'malformed-response', message: 'not XML' },
    `error: ${URL} sent a malformed response: not XML`,
  ],
  [
    { kind: 'transport-failed', message: 'no response within 30000 ms' },
    `error: ${URL}: no response within 30000 ms`,
  ],
])('renders %j on one line', (failure, expected) => {
  expect(renderErrorLine(new RpcClientError(failure), URL)).toBe(expected);
});

it('renders an unexpected answer and any other error by its message', () => {
  expect(renderErrorLine(new ShapeError('getPID', 'expected an int'), URL)).toBe(
    'error: unexpected answer to getPID: expected an int',
  );
  expect(renderErrorLine('odd', URL)).toBe('error: odd');
});
