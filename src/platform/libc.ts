// The libc calls Node lacks, through koffi (loaded lazily, once): waitpid on one pid with
// WNOHANG, prctl(PR_SET_CHILD_SUBREAPER), and pipe2 (Node's own child pipes are socketpairs). Without koffi (no prebuilt binary for this
// platform, no libc.so.6) loadLibc says why once and the daemon carries on without them.

import { createRequire } from 'node:module';

const WNOHANG = 1;
const PR_SET_CHILD_SUBREAPER = 36;
const O_CLOEXEC = 0o2000000;

export interface Libc {
  /** waitpid(pid, &status, WNOHANG): the status once `pid` is reaped, null if not (or ECHILD). */
  reap(pid: number): number | null;
  /** prctl(PR_SET_CHILD_SUBREAPER, 1): undefined on success, else the errno. */
  becomeSubreaper(): number | undefined;
  /** pipe2(fds, O_CLOEXEC): [read end, write end], or null when it fails (e.g. EMFILE). */
  pipe(): readonly [number, number] | null;
}

type Loaded =
  { readonly ok: true; readonly libc: Libc } | { readonly ok: false; readonly why: string };

let loaded: Loaded | undefined;

interface KoffiLike {
  load(path: string): { func(signature: string): (...args: unknown[]) => unknown };
  errno(): number;
}

const load = (): Loaded => {
  try {
    // require, not import: koffi stays outside the bundle, and a missing native binary is an
    // exception here rather than a failed start.
    const koffi = createRequire(import.meta.url)('koffi') as KoffiLike;
    const lib = koffi.load('libc.so.6');
    const waitpid = lib.func('int waitpid(int pid, _Out_ int *status, int options)');
    const prctl = lib.func(
      'int prctl(int option, unsigned long a2, unsigned long a3, unsigned long a4, unsigned long a5)',
    );
    const pipe2 = lib.func('int pipe2(_Out_ int32_t *fds, int flags)');
    return {
      ok: true,
      libc: {
        reap: (pid) => {
          const status = [0];
          const got = waitpid(pid, status, WNOHANG);
          return got === pid ? (status[0] ?? 0) : null;
        },
        becomeSubreaper: () =>
          prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) === 0 ? undefined : koffi.errno(),
        pipe: () => {
          const fds = new Int32Array(2);
          return pipe2(fds, O_CLOEXEC) === 0 ? [fds[0] ?? -1, fds[1] ?? -1] : null;
        },
      },
    };
  } catch (error) {
    return { ok: false, why: error instanceof Error ? error.message : String(error) };
  }
};

/** The libc calls, or why they are unavailable (the same answer every time). */
export const loadLibc = (): Loaded => (loaded ??= load());
