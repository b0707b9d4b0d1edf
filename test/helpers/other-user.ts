// What a root test needs to run something as another user (nobody) wherever the checkout lives:
// the checkout, or node itself (~/.nvm), may sit under a directory only its owner may enter (a
// clone in /root, a `mktemp -d` folder), so the files go to a world-readable temp directory.

import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  linkSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { REPO_ROOT } from './daemon-harness.js';

export const NOBODY = 65534;

/** Whether `uid` (with gid = uid) may read (`r`) or execute/enter (`x`) `path`: asked as them. */
export const userCan = (uid: number, access: 'r' | 'x', path: string): boolean =>
  spawnSync('/usr/bin/test', [`-${access}`, path], { uid, gid: uid }).status === 0;

export interface SharedDir {
  readonly path: string;
  /**
   * A copy of a checkout file or directory (e.g. `bin/tssupervisorctl`, `dist/bundle`), at the
   * same place relative to the copy's root, so relative imports between copies still resolve.
   */
  copyFromRepo(repoPath: string): string;
  /** A node binary `uid` may execute: process.execPath if they can, else a link or copy of it. */
  node(): string;
  remove(): void;
}

/** Our copies readable by all (a clone made under umask 077 has 0600 files): dirs 0755, files +r. */
const openUp = (path: string): void => {
  const stat = statSync(path);
  if (stat.isDirectory()) {
    chmodSync(path, 0o755);
    for (const name of readdirSync(path)) {
      openUp(join(path, name));
    }
    return;
  }
  chmodSync(path, (stat.mode & 0o777) | 0o444 | (stat.mode & 0o100 ? 0o111 : 0));
};

/** A 0755 temp directory that `uid` can reach (in $TMPDIR if they may enter it, else in /tmp). */
export const makeSharedDir = (uid = NOBODY): SharedDir => {
  const base = userCan(uid, 'x', tmpdir()) ? tmpdir() : '/tmp';
  const path = mkdtempSync(join(base, 'tss-shared-'));
  chmodSync(path, 0o755);
  let node: string | undefined;
  return {
    path,
    copyFromRepo: (repoPath) => {
      const to = join(path, repoPath);
      cpSync(join(REPO_ROOT, repoPath), to, { recursive: true });
      openUp(to);
      for (let dir = dirname(to); dir.startsWith(`${path}/`); dir = dirname(dir)) {
        chmodSync(dir, 0o755);
      }
      return to;
    },
    node: () => {
      if (node !== undefined) {
        return node;
      }
      if (userCan(uid, 'x', process.execPath)) {
        node = process.execPath;
        return node;
      }
      // The same binary: a hard link costs nothing, but shares the original's mode (never chmod
      // it: that is the user's file). If that does not do, a copy of our own (~100 MB).
      const target = join(path, 'node');
      try {
        linkSync(process.execPath, target);
      } catch {
        // another file system
      }
      if (!userCan(uid, 'x', target)) {
        rmSync(target, { force: true });
        copyFileSync(process.execPath, target);
        chmodSync(target, 0o755);
      }
      node = target;
      return node;
    },
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
};
