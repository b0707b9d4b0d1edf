// Python's posixpath functions as the reference uses them (dirname, join, normpath, abspath,
// expanduser). Written out because node:path differs in the corners (`//x`, trailing slashes).

export const isAbsolute = (p: string): boolean => p.startsWith('/');

export const dirname = (p: string): string => {
  const cut = p.lastIndexOf('/') + 1;
  const head = p.slice(0, cut);
  if (head !== '' && head !== '/'.repeat(head.length)) {
    return head.replace(/\/+$/, '');
  }
  return head;
};

export const basename = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

export const join = (first: string, ...rest: readonly string[]): string => {
  let path = first;
  for (const part of rest) {
    if (part.startsWith('/')) {
      path = part;
    } else if (path === '' || path.endsWith('/')) {
      path += part;
    } else {
      path += `/${part}`;
    }
  }
  return path;
};

export const normpath = (p: string): string => {
  if (p === '') {
    return '.';
  }
  // POSIX lets exactly two leading slashes mean something implementation-defined: kept.
  const leading = p.startsWith('/') ? (p.startsWith('//') && !p.startsWith('///') ? 2 : 1) : 0;
  const parts: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') {
      continue;
    }
    if (part !== '..' || (leading === 0 && parts.length === 0) || parts.at(-1) === '..') {
      parts.push(part);
    } else if (parts.length > 0) {
      parts.pop();
    }
  }
  const joined = '/'.repeat(leading) + parts.join('/');
  return joined === '' ? '.' : joined;
};

export const abspath = (p: string, cwd: string): string =>
  normpath(isAbsolute(p) ? p : join(cwd, p));

/** Where `~` and `~user` lead: HOME for `~`, the user's home for `~user`. */
export interface HomeLookup {
  readonly home: string | undefined;
  homeOf(user: string): string | undefined;
}

/** os.path.expanduser: unknown users leave the path unchanged. */
export const expanduser = (p: string, homes: HomeLookup): string => {
  if (!p.startsWith('~')) {
    return p;
  }
  const slash = p.indexOf('/', 1);
  const end = slash === -1 ? p.length : slash;
  const home = end === 1 ? homes.home : homes.homeOf(p.slice(1, end));
  if (home === undefined) {
    return p;
  }
  const result = home.replace(/\/+$/, '') + p.slice(end);
  return result === '' ? '/' : result;
};

/** supervisord's normalize_path: expanduser, then absolute against cwd, then normpath. */
export const normalizePath = (p: string, cwd: string, homes: HomeLookup): string =>
  abspath(expanduser(p, homes), cwd);
