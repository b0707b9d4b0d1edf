// An in-memory ConfigHost for config tests: a few files (their parent directories exist too),
// users, groups and an environment. Globbing uses the same Python-compatible matcher as the real host.

import type { ConfigHost } from '../../src/config/host.js';
import { abspath, dirname } from '../../src/config/posix-path.js';
import { pythonGlob, type GlobFileSystem } from '../../src/config/python-glob.js';
import type { UserSpec } from '../../src/config/types.js';

export interface MemoryConfigHostInit {
  /** path → contents (text is stored as UTF-8); relative paths are taken from cwd */
  readonly files?: Readonly<Record<string, string | Uint8Array>>;
  /** extra directories (parents of files exist already) */
  readonly dirs?: readonly string[];
  /** paths that exist but cannot be read */
  readonly unreadable?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
  readonly hostname?: string;
  readonly tempDir?: string;
  readonly users?: readonly UserSpec[];
  readonly groups?: readonly { readonly name: string; readonly gid: number }[];
}

export const DEFAULT_USERS: readonly UserSpec[] = [
  { name: 'root', uid: 0, gid: 0, home: '/root' },
  { name: 'app', uid: 1000, gid: 1000, home: '/home/app' },
  { name: 'nobody', uid: 65534, gid: 65534, home: '/nonexistent' },
];

export const DEFAULT_GROUPS = [
  { name: 'root', gid: 0 },
  { name: 'app', gid: 1000 },
  { name: 'nogroup', gid: 65534 },
];

export const memoryConfigHost = (init: MemoryConfigHostInit = {}): ConfigHost => {
  const cwd = init.cwd ?? '/work';
  const tempDir = init.tempDir ?? '/tmp';
  const abs = (p: string): string => abspath(p, cwd);
  const files = new Map(
    Object.entries(init.files ?? {}).map(([p, content]) => [
      abs(p),
      typeof content === 'string' ? new TextEncoder().encode(content) : content,
    ]),
  );
  const unreadable = new Set((init.unreadable ?? []).map(abs));
  const dirs = new Set<string>(['/']);
  const addDirWithParents = (dir: string): void => {
    for (let d = dir; !dirs.has(d); d = dirname(d)) {
      dirs.add(d);
    }
  };
  for (const dir of [...(init.dirs ?? []).map(abs), cwd, tempDir]) {
    addDirWithParents(dir);
  }
  for (const file of [...files.keys(), ...unreadable]) {
    addDirWithParents(dirname(file));
  }
  const entries = (): string[] => [...files.keys(), ...unreadable, ...dirs];
  const globFs: GlobFileSystem = {
    listDirectory: (dir) => {
      const parent = abs(dir === '' ? '.' : dir);
      if (!dirs.has(parent)) {
        return undefined;
      }
      const names = new Set(
        entries()
          .filter((p) => p !== '/' && dirname(p) === parent)
          .map((p) => p.slice(p.lastIndexOf('/') + 1)),
      );
      return [...names].map((name) => ({
        name,
        isDirectory: dirs.has(parent === '/' ? `/${name}` : `${parent}/${name}`),
      }));
    },
    exists: (p) => files.has(abs(p)) || unreadable.has(abs(p)) || dirs.has(abs(p)),
    isDirectory: (p) => dirs.has(abs(p)),
  };
  const users = init.users ?? DEFAULT_USERS;
  const groups = init.groups ?? DEFAULT_GROUPS;
  return {
    readFile: (p) => files.get(abs(p)),
    glob: (pattern) => pythonGlob(globFs, pattern),
    isDirectory: (p) => dirs.has(abs(p)),
    env: init.env ?? { HOME: '/home/app' },
    cwd,
    hostname: init.hostname ?? 'testhost',
    tempDir,
    lookupUserByName: (name) => users.find((u) => u.name === name),
    lookupUserById: (uid) => users.find((u) => u.uid === uid),
    lookupGroupByName: (name) => groups.find((g) => g.name === name)?.gid,
    lookupGroupById: (gid) => groups.some((g) => g.gid === gid),
  };
};
