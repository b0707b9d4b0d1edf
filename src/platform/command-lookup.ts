// Resolve argv[0] the way supervisord does before forking: as given when it contains a slash,
// else the first PATH directory holding it; then the directory / x-bit / access checks.

import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';

import type { CommandLookup } from '../ports/spawner.js';

/** A miss costs no exception (ENOENT is the common case on a PATH walk, once per spawn). */
const statOrUndefined = (path: string): Stats | undefined => {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
};

export const lookupCommand = (file: string, searchPath: string): CommandLookup => {
  let path = file;
  let stats: Stats | undefined;
  if (file.includes('/')) {
    stats = statOrUndefined(file);
  } else {
    for (const dir of searchPath.split(':')) {
      const candidate = join(dir, file);
      stats = statOrUndefined(candidate);
      if (stats !== undefined) {
        path = candidate;
        break;
      }
    }
  }
  if (stats === undefined) {
    return { kind: 'not-found', file };
  }
  if (stats.isDirectory()) {
    return { kind: 'is-directory', file: path };
  }
  if ((stats.mode & 0o111) === 0) {
    return { kind: 'not-executable', file: path };
  }
  try {
    accessSync(path, constants.X_OK);
  } catch {
    return { kind: 'no-permission', file: path };
  }
  return { kind: 'found', path };
};
