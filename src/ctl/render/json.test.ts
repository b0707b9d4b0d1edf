import { expect, it } from 'vitest';

import { processInfo, statusStruct } from '../../../test/fakes/supervisor-answers.js';
import { readProcessInfo } from '../../protocol/process-info.js';
import { readStatusResult } from '../../protocol/status-result.js';
import { processJson, renderJson, resultJson } from './json.js';

it('describes a process with its namespec, state name and code', () => {
  const json = processJson(
    readProcessInfo('x', processInfo('web_0', 'RUNNING', { group: 'web', pid: 7 })),
  );
  expect(json).toMatchObject({
    namespec: 'web:web_0',
    name: 'web_0',
    group: 'web',
    state: 'RUNNING',
    statecode: 20,
    pid: 7,
    description: 'pid 7, uptime 0:01:02',
  });
});

it('describes an action result with the text mode word and the fault code', () => {
  expect(resultJson('start', readStatusResult('x', statusStruct('g', 'p', 'SPAWN_ERROR')))).toEqual(
    {
      action: 'start',
      namespec: 'g:p',
      name: 'p',
      group: 'g',
      ok: false,
      message: 'spawn error',
      faultCode: 50,
      description: 'SPAWN_ERROR: p',
    },
  );
  expect(renderJson([])).toBe('[]');
});
