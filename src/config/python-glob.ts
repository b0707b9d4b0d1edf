// Python's glob.glob (non-recursive) and fnmatch over an injected directory lister, so [include]
// matches exactly the files the reference would: `*` skips dot-files, `[!x]` negates, no `**`.

import { compareCodePoints } from './python-str.js';

export interface DirEntry {
  readonly name: string;
  readonly isDirectory: boolean;
}

/** The file system as glob sees it; relative paths are the lister's business. */
export interface GlobFileSystem {
  /** entries of a directory ('' means the current one), or undefined if it cannot be listed */
  listDirectory(dir: string): readonly DirEntry[] | undefined;
  /** os.path.lexists */
  exists(path: string): boolean;
  isDirectory(path: string): boolean;
}

const MAGIC = /[*?[]/;
const hasMagic = (s: string): boolean => MAGIC.test(s);

const escapeChar = (ch: string): string => `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`;

/** One `[...]` set starting after `[`: the regex class and where the pattern continues. */
const translateSet = (pat: readonly string[], start: number): { re: string; next: number } => {
  let j = start;
  if (pat[j] === '!') {
    j += 1;
  }
  if (pat[j] === ']') {
    j += 1;
  }
  while (j < pat.length && pat[j] !== ']') {
    j += 1;
  }
  if (j >= pat.length) {
    return { re: '\\[', next: start };
  }
  const negate = pat[start] === '!';
  let pos = negate ? start + 1 : start;
  const parts: string[] = [];
  while (pos < j) {
    const lo = pat[pos] ?? '';
    const hi = pat[pos + 2];
    if (pat[pos + 1] === '-' && pos + 2 < j && hi !== undefined) {
      // An empty range (z-a) matches nothing, as in the reference.
      if (compareCodePoints(lo, hi) <= 0) {
        parts.push(`${escapeChar(lo)}-${escapeChar(hi)}`);
      }
      pos += 3;
    } else {
      parts.push(escapeChar(lo));
      pos += 1;
    }
  }
  const body = parts.join('');
  if (body === '') {
    return { re: negate ? '[^]' : '(?!)', next: j + 1 };
  }
  return { re: `[${negate ? '^' : ''}${body}]`, next: j + 1 };
};

/** fnmatch.translate: a whole-name regex. */
export const fnmatchRegExp = (pattern: string): RegExp => {
  const pat = Array.from(pattern); // code points, as Python indexes str
  let re = '';
  let i = 0;
  while (i < pat.length) {
    const c = pat[i] ?? '';
    i += 1;
    if (c === '*') {
      while (pat[i] === '*') {
        i += 1;
      }
      re += '[^]*';
    } else if (c === '?') {
      re += '[^]';
    } else if (c === '[') {
      const set = translateSet(pat, i);
      re += set.re;
      i = set.next;
    } else {
      re += escapeChar(c);
    }
  }
  return new RegExp(`^(?:${re})$`, 'u');
};

/** os.path.split */
const split = (p: string): [string, string] => {
  const cut = p.lastIndexOf('/') + 1;
  let head = p.slice(0, cut);
  if (head !== '' && head !== '/'.repeat(head.length)) {
    head = head.replace(/\/+$/, '');
  }
  return [head, p.slice(cut)];
};

const joinPath = (dir: string, name: string): string =>
  dir === '' ? name : dir.endsWith('/') ? dir + name : `${dir}/${name}`;

const globInDir = (
  fs: GlobFileSystem,
  dir: string,
  pattern: string,
  dirOnly: boolean,
): string[] => {
  if (!hasMagic(pattern)) {
    if (pattern === '') {
      return fs.isDirectory(dir === '' ? '.' : dir) ? [pattern] : [];
    }
    return fs.exists(joinPath(dir, pattern)) ? [pattern] : [];
  }
  const regex = fnmatchRegExp(pattern);
  const showHidden = pattern.startsWith('.');
  return (fs.listDirectory(dir) ?? [])
    .filter((e) => !dirOnly || e.isDirectory)
    .map((e) => e.name)
    .filter((name) => (showHidden || !name.startsWith('.')) && regex.test(name));
};

const iglob = (fs: GlobFileSystem, pathname: string, dirOnly: boolean): string[] => {
  const [dir, base] = split(pathname);
  if (!hasMagic(pathname)) {
    if (base !== '') {
      return fs.exists(pathname) ? [pathname] : [];
    }
    return fs.isDirectory(dir) ? [pathname] : [];
  }
  if (dir === '') {
    return globInDir(fs, '', base, dirOnly);
  }
  const dirs = dir !== pathname && hasMagic(dir) ? iglob(fs, dir, true) : [dir];
  return dirs.flatMap((d) => globInDir(fs, d, base, dirOnly).map((name) => joinPath(d, name)));
};

/** glob.glob(pattern), sorted as the reference sorts the matches of an include pattern. */
export const pythonGlob = (fs: GlobFileSystem, pattern: string): string[] =>
  iglob(fs, pattern, false).sort(compareCodePoints);
