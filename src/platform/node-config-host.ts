// The real ConfigHost: files and directories through node:fs, Python-compatible globbing, users
// and groups from /etc/passwd and /etc/group, hostname and temp dir as Python reports them.

import { lstatSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';

import type { ConfigHost } from '../config/host.js';
import { pythonGlob, type DirEntry, type GlobFileSystem } from '../config/python-glob.js';
import type { UserSpec } from '../config/types.js';

const readBytes = (path: string): Uint8Array | undefined => {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
};

// passwd(5) and group(5) are not config files: a stray non-UTF-8 byte there spoils one name only.
const readText = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

const isDirectory = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

const lexists = (path: string): boolean => {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
};

/** Glob's view of the file system, relative paths taken from `cwd` (results stay relative). */
const globFileSystem = (cwd: string): GlobFileSystem => ({
  listDirectory: (dir: string): DirEntry[] | undefined => {
    const absolute = resolve(cwd, dir === '' ? '.' : dir);
    try {
      return readdirSync(absolute, { withFileTypes: true }).map((entry) => ({
        name: entry.name,
        // Like Python's DirEntry.is_dir(): a symlink to a directory counts as one.
        isDirectory:
          entry.isDirectory() ||
          (entry.isSymbolicLink() && isDirectory(resolve(absolute, entry.name))),
      }));
    } catch {
      return undefined;
    }
  },
  exists: (path) => lexists(resolve(cwd, path)),
  isDirectory: (path) => isDirectory(resolve(cwd, path)),
});

/** `name:x:uid:gid:gecos:home:shell` lines of a passwd(5) file. */
export const parsePasswd = (text: string): UserSpec[] =>
  text.split('\n').flatMap((line) => {
    const [name, , uid, gid, , home] = line.split(':');
    if (
      name === undefined ||
      name === '' ||
      name.startsWith('#') ||
      uid === undefined ||
      gid === undefined
    ) {
      return [];
    }
    const parsed = { name, uid: Number(uid), gid: Number(gid) };
    if (!Number.isInteger(parsed.uid) || !Number.isInteger(parsed.gid)) {
      return [];
    }
    return [home === undefined ? parsed : { ...parsed, home }];
  });

/** `name:x:gid:members` lines of a group(5) file. */
export const parseGroups = (text: string): { name: string; gid: number }[] =>
  text.split('\n').flatMap((line) => {
    const [name, , gid] = line.split(':');
    if (name === undefined || name === '' || name.startsWith('#') || gid === undefined) {
      return [];
    }
    const parsed = Number(gid);
    return Number.isInteger(parsed) ? [{ name, gid: parsed }] : [];
  });

export interface NodeConfigHostOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  readonly passwdFile?: string;
  readonly groupFile?: string;
}

/** tempfile.gettempdir(): the first of TMPDIR, TEMP, TMP that is a directory, else /tmp. */
const tempDirOf = (env: Readonly<Record<string, string>>, cwd: string): string => {
  for (const key of ['TMPDIR', 'TEMP', 'TMP']) {
    const dir = env[key];
    if (dir !== undefined && dir !== '' && isDirectory(resolve(cwd, dir))) {
      return resolve(cwd, dir);
    }
  }
  return '/tmp';
};

export const createNodeConfigHost = (options: NodeConfigHostOptions = {}): ConfigHost => {
  const env = Object.fromEntries(
    Object.entries(options.env ?? process.env).flatMap(([k, v]) =>
      v === undefined ? [] : [[k, v]],
    ),
  ) as Record<string, string>;
  const cwd = options.cwd ?? process.cwd();
  const passwdFile = options.passwdFile ?? '/etc/passwd';
  const groupFile = options.groupFile ?? '/etc/group';
  // Read on each lookup: a reload must see users added since startup.
  const users = (): UserSpec[] => parsePasswd(readText(passwdFile) ?? '');
  const groups = (): { name: string; gid: number }[] => parseGroups(readText(groupFile) ?? '');
  const inCwd = (path: string): string => resolve(cwd, path);
  const globFs = globFileSystem(cwd);
  return {
    readFile: (path) => readBytes(inCwd(path)),
    glob: (pattern) => pythonGlob(globFs, pattern),
    isDirectory: (path) => isDirectory(inCwd(path)),
    env,
    cwd,
    hostname: hostname(),
    tempDir: tempDirOf(env, cwd),
    lookupUserByName: (name) => users().find((u) => u.name === name),
    lookupUserById: (uid) => users().find((u) => u.uid === uid),
    lookupGroupByName: (name) => groups().find((g) => g.name === name)?.gid,
    lookupGroupById: (gid) => groups().some((g) => g.gid === gid),
  };
};
