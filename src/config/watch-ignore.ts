// watch_ignore's globs as one test (pure): a glob without `/` is matched (fnmatch) against each
// name on the way (`*.pyc`, `__pycache__`, `.git`), one with `/` against the whole path below the
// watched directory (`build/*`, where `*` also spans `/`).

import { fnmatchRegExp } from './python-glob.js';

/** Is `relative` (a path below a watched directory, `/`-separated, or a watched file's name) ignored? */
export type IgnoreTest = (relative: string) => boolean;

export const watchIgnoreTest = (globs: readonly string[]): IgnoreTest => {
  const names = globs.filter((g) => !g.includes('/')).map(fnmatchRegExp);
  const paths = globs
    .filter((g) => g.includes('/'))
    .map((g) => fnmatchRegExp(g.replace(/^\.?\/+/, '').replace(/\/+$/, '')));
  if (names.length === 0 && paths.length === 0) {
    return () => false;
  }
  return (relative) => {
    const parts = relative.split('/');
    // Below an ignored directory is ignored too: each leading part of the path is tried.
    return parts.some(
      (part, i) =>
        names.some((re) => re.test(part)) ||
        paths.some((re) => re.test(parts.slice(0, i + 1).join('/'))),
    );
  };
};
