import { describe, expect, it } from 'vitest';

import { watchIgnoreTest } from './watch-ignore.js';

describe('watch_ignore', () => {
  const ignored = watchIgnoreTest(['*.pyc', '__pycache__', '.git', 'build/*', './tmp/']);

  it.each([
    ['app.pyc', true],
    ['pkg/mod.pyc', true],
    ['pkg/__pycache__', true],
    ['pkg/__pycache__/mod.cpython-311.pyc', true],
    ['.git/index', true],
    ['build/out/x.js', true],
    ['tmp', true],
    ['tmp/session/x', true],
    ['app.py', false],
    ['pkg/build/x.js', false],
    ['src/.gitignore', false],
  ])('%s → %s', (path, expected) => {
    expect(ignored(path)).toBe(expected);
  });

  it('ignores nothing without globs', () => {
    expect(watchIgnoreTest([])('anything.pyc')).toBe(false);
  });
});
