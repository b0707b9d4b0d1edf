import { expect, it } from 'vitest';

import { makeNamespec, splitNamespec } from './namespec.js';

it.each([
  ['web', { group: 'web', process: 'web' }],
  ['web:web_0', { group: 'web', process: 'web_0' }],
  ['web:*', { group: 'web', process: null }],
  ['web:', { group: 'web', process: null }],
  [':x', { group: '', process: 'x' }],
  ['a:b:c', { group: 'a', process: 'b:c' }],
])('splits %j on the first colon', (namespec, expected) => {
  expect(splitNamespec(namespec)).toEqual(expected);
});

it('names a process alone in its own group by its name only', () => {
  expect(makeNamespec('web', 'web')).toBe('web');
  expect(makeNamespec('web', 'web_0')).toBe('web:web_0');
});
