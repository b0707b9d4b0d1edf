import { describe, expect, it } from 'vitest';

import { statusStruct } from '../../test/fakes/supervisor-answers.js';
import type { FaultName } from '../model/faults.js';
import { readStatusResult } from '../protocol/status-result.js';
import { renderResultLine, type BulkAction } from './action-result.js';

const line = (
  action: BulkAction,
  [group, name]: readonly [string, string],
  status: FaultName | 'SUCCESS',
  description?: string,
) =>
  renderResultLine(action, readStatusResult('x', statusStruct(group, name, status, description)));

describe.each<[BulkAction, FaultName | 'SUCCESS', string]>([
  ['start', 'SUCCESS', 'web:web_0: started'],
  ['start', 'BAD_NAME', 'web:web_0: ERROR (no such process)'],
  ['start', 'NO_FILE', 'web:web_0: ERROR (no such file)'],
  ['start', 'NOT_EXECUTABLE', 'web:web_0: ERROR (file is not executable)'],
  ['start', 'ALREADY_STARTED', 'web:web_0: ERROR (already started)'],
  ['start', 'SPAWN_ERROR', 'web:web_0: ERROR (spawn error)'],
  ['start', 'ABNORMAL_TERMINATION', 'web:web_0: ERROR (abnormal termination)'],
  ['stop', 'SUCCESS', 'web:web_0: stopped'],
  ['stop', 'BAD_NAME', 'web:web_0: ERROR (no such process)'],
  ['stop', 'NOT_RUNNING', 'web:web_0: ERROR (not running)'],
  ['stop', 'BAD_SIGNAL', 'web:web_0: ERROR (bad signal name)'],
  ['signal', 'SUCCESS', 'web:web_0: signalled'],
  ['signal', 'BAD_SIGNAL', 'web:web_0: ERROR (bad signal name)'],
  ['signal', 'NOT_RUNNING', 'web:web_0: ERROR (not running)'],
  ['clear', 'SUCCESS', 'web:web_0: cleared'],
  ['clear', 'BAD_NAME', 'web:web_0: ERROR (no such process)'],
  ['clear', 'FAILED', 'web:web_0: ERROR (failed)'],
])('%s with %s', (action, status, expected) => {
  it(`prints "${expected}"`, () => {
    expect(line(action, ['web', 'web_0'], status)).toBe(expected);
  });
});

it('prints the raw fault string for a FAILED stop or signal', () => {
  expect(line('stop', ['web', 'web_0'], 'FAILED', 'FAILED: web:web_0 kill failed')).toBe(
    'FAILED: web:web_0 kill failed',
  );
  expect(line('signal', ['a', 'a'], 'FAILED', 'FAILED: nope')).toBe('FAILED: nope');
});

it("shows the daemon's words for codes supervisorctl does not expect (it would crash)", () => {
  expect(line('start', ['a', 'a'], 'FAILED', 'FAILED: a is in an unknown process state')).toBe(
    'a: ERROR (FAILED: a is in an unknown process state)',
  );
});
