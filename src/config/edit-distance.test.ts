import { describe, expect, it } from 'vitest';

import { editDistance, nearestName } from './edit-distance.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['same', 'same', 0],
    ['autorestrat', 'autorestart', 1],
    ['progam', 'program', 1],
    ['Program', 'program', 1],
    ['stdout_logfile_maxbyte', 'stdout_logfile_maxbytes', 1],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3],
  ])('%j → %j is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('nearestName', () => {
  const known = ['autostart', 'autorestart', 'startsecs', 'startretries', 'user', 'umask'];

  it('finds the known name a typo was meant to be', () => {
    expect(nearestName('autorestrat', known)).toBe('autorestart');
    expect(nearestName('startsec', known)).toBe('startsecs');
    expect(nearestName('usr', known)).toBe('user');
  });

  it('takes the first of equally near names', () => {
    expect(nearestName('autostar', ['autostart', 'autostars'])).toBe('autostart');
  });

  it('suggests nothing for a name that is no typo of any', () => {
    expect(nearestName('frobnicate', known)).toBeUndefined();
    expect(nearestName('x', known)).toBeUndefined();
    expect(nearestName('anything', [])).toBeUndefined();
  });
});
