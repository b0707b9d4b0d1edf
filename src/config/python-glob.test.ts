import { describe, expect, it } from 'vitest';

import { fnmatchRegExp, pythonGlob, type GlobFileSystem } from './python-glob.js';

const tree: Record<string, readonly string[]> = {
  '/etc': ['conf.d', 'a.conf', '.hidden.conf', 'link'],
  '/etc/conf.d': ['b.conf', 'c.ini', '[x].conf', 'sub'],
  '/etc/conf.d/sub': ['d.conf'],
  '/srv': ['one', 'two'],
  '/srv/one': ['x.conf'],
  '/srv/two': ['x.conf', 'y.conf'],
};
const dirs = new Set(['/etc', '/etc/conf.d', '/etc/conf.d/sub', '/srv', '/srv/one', '/srv/two']);
const parent = (p: string): string => p.slice(0, p.lastIndexOf('/')) || '/';
const name = (p: string): string => p.slice(p.lastIndexOf('/') + 1);
const fs: GlobFileSystem = {
  listDirectory: (dir) =>
    tree[dir]?.map((n) => ({ name: n, isDirectory: dirs.has(`${dir}/${n}`) })),
  exists: (p) => dirs.has(p) || (tree[parent(p)]?.includes(name(p)) ?? false),
  isDirectory: (p) => dirs.has(p.replace(/\/$/, '')),
};

describe('pythonGlob (results checked against Python glob.glob)', () => {
  it.each([
    ['/etc/*.conf', ['/etc/a.conf']],
    ['/etc/.*.conf', ['/etc/.hidden.conf']],
    [
      '/etc/conf.d/*',
      ['/etc/conf.d/[x].conf', '/etc/conf.d/b.conf', '/etc/conf.d/c.ini', '/etc/conf.d/sub'],
    ],
    ['/etc/conf.d/?.ini', ['/etc/conf.d/c.ini']],
    ['/etc/conf.d/[bc].*', ['/etc/conf.d/b.conf', '/etc/conf.d/c.ini']],
    ['/etc/conf.d/[!b]*.conf', ['/etc/conf.d/[x].conf']],
    ['/etc/conf.d/[[]x].conf', ['/etc/conf.d/[x].conf']],
    ['/etc/**/*.conf', ['/etc/conf.d/[x].conf', '/etc/conf.d/b.conf']],
    ['/srv/*/x.conf', ['/srv/one/x.conf', '/srv/two/x.conf']],
    ['/srv/t*/*', ['/srv/two/x.conf', '/srv/two/y.conf']],
    ['/etc/a.conf', ['/etc/a.conf']],
    ['/etc/none.conf', []],
    ['/nowhere/*.conf', []],
    ['/srv/*/', ['/srv/one/', '/srv/two/']],
  ])('%s', (pattern, expected) => {
    expect(pythonGlob(fs, pattern)).toEqual(expected);
  });
});

describe('fnmatch', () => {
  it.each([
    ['*.conf', 'a.conf', true],
    ['*.conf', 'a.confx', false],
    ['a?c', 'abc', true],
    ['[a-c]x', 'bx', true],
    ['[a-c]x', 'dx', false],
    ['[!a-c]x', 'dx', true],
    ['[]]', ']', true],
    ['[z-a]', 'm', false],
    ['[', '[', true],
    ['a\\b', 'a\\b', true],
    ['*', 'line\nbreak', true],
  ])('%j matches %j: %s', (pattern, name, expected) => {
    expect(fnmatchRegExp(pattern).test(name)).toBe(expected);
  });
});
