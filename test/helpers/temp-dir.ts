// A fresh temp directory per test, removed afterwards. Paths stay short: unix socket paths are
// limited to ~107 bytes.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempDir {
  readonly path: string;
  join(...parts: string[]): string;
  remove(): void;
}

export const makeTempDir = (prefix = 'tss-'): TempDir => {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    join: (...parts) => join(path, ...parts),
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
};
