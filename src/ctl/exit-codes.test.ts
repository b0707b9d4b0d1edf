import { expect, it } from 'vitest';

import { FAULT_CODES } from '../model/faults.js';
import { exitStatusForResult } from './exit-codes.js';

it.each([
  [FAULT_CODES.SUCCESS, undefined, null],
  [FAULT_CODES.ALREADY_STARTED, FAULT_CODES.ALREADY_STARTED, null],
  [FAULT_CODES.SPAWN_ERROR, undefined, 7],
  [FAULT_CODES.ABNORMAL_TERMINATION, undefined, 7],
  [FAULT_CODES.NOT_RUNNING, undefined, 7],
  [FAULT_CODES.NOT_RUNNING, FAULT_CODES.NOT_RUNNING, null],
  [FAULT_CODES.BAD_NAME, undefined, 1],
  [FAULT_CODES.ALREADY_STARTED, undefined, 1],
])('fault %i (ignoring %s) sets %s', (code, ignored, expected) => {
  expect(exitStatusForResult(code, ignored)).toBe(expected);
});
