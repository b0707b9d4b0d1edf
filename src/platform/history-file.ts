// The shell's readline history on disk: one entry per line, oldest first (GNU readline's
// format, so a supervisorctl history file carries over).
// Node I/O in src/ctl: this adapter belongs in src/platform/ (see docs/ctl.md, "Layout").

import { readFileSync, writeFileSync } from 'node:fs';

/** Newest first, as readline's `history` option wants it; [] if the file is unreadable. */
export const loadHistory = (path: string): string[] => {
  try {
    return readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .reverse();
  } catch {
    return [];
  }
};

/** Failing to save history is not worth an error (supervisorctl ignores it too). */
export const saveHistory = (path: string, newestFirst: readonly string[]): void => {
  try {
    const lines = [...newestFirst].reverse();
    writeFileSync(path, lines.length === 0 ? '' : `${lines.join('\n')}\n`);
  } catch {
    // ignored on purpose
  }
};
