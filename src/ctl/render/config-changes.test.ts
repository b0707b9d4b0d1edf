import { expect, it } from 'vitest';

import { renderConfigChanges } from './config-changes.js';

it('lists each group with what happened to it, sorted by name', () => {
  expect(
    renderConfigChanges({ added: ['zeta', 'alpha'], changed: ['mid'], removed: ['beta'] }),
  ).toEqual(['alpha: available', 'beta: disappeared', 'mid: changed', 'zeta: available']);
});

it('says so when nothing changed', () => {
  expect(renderConfigChanges({ added: [], changed: [], removed: [] })).toEqual([
    'No config updates to processes',
  ]);
});
