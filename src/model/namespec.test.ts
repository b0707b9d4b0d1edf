import { describe, expect, it } from 'vitest';

import { makeNamespec, parseNamespec } from './namespec.js';

describe('namespecs', () => {
  it('shortens group:process when both names are equal', () => {
    expect(makeNamespec('web', 'web')).toBe('web');
    expect(makeNamespec('site', 'web')).toBe('site:web');
  });

  it.each([
    ['web', { groupName: 'web', processName: 'web' }],
    ['site:web', { groupName: 'site', processName: 'web' }],
    ['site:', { groupName: 'site', processName: null }],
    ['site:*', { groupName: 'site', processName: null }],
    [':x', { groupName: '', processName: 'x' }],
    ['a:b:c', { groupName: 'a', processName: 'b:c' }],
  ])('splits %j on the first colon', (namespec, parsed) => {
    expect(parseNamespec(namespec)).toEqual(parsed);
  });
});
