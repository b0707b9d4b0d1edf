// What the config loader needs from the outside world, as a narrow interface so loading stays
// pure and testable. platform/node-config-host.ts is the real implementation.

import type { UserSpec } from './types.js';

export interface ConfigHost {
  /** File contents as bytes (decoding is the loader's job), or undefined when unreadable. */
  readFile(path: string): Uint8Array | undefined;
  /** Python glob.glob semantics (non-recursive; `*` skips dot-files), sorted by path. */
  glob(pattern: string): readonly string[];
  isDirectory(path: string): boolean;
  /** The environment at startup (ENV_* expansions). */
  readonly env: Readonly<Record<string, string>>;
  /** supervisord's cwd at startup: relative logfile/pidfile resolve against it. */
  readonly cwd: string;
  /** uname -n */
  readonly hostname: string;
  /** tempfile.gettempdir(): $TMPDIR or /tmp */
  readonly tempDir: string;
  lookupUserByName(name: string): UserSpec | undefined;
  lookupUserById(uid: number): UserSpec | undefined;
  lookupGroupByName(name: string): number | undefined;
  lookupGroupById(gid: number): boolean;
}
