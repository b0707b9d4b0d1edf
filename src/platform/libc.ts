// The libc calls Node lacks, through koffi (loaded lazily, once): waitpid on one pid with
// WNOHANG, prctl(PR_SET_CHILD_SUBREAPER), pipe2 (Node's own child pipes are socketpairs),
// fcntl(F_SETPIPE_SZ) and a unix datagram socket (syslog). Without koffi (no prebuilt binary for this platform, no
// libc.so.6) loadLibc says why once and the daemon carries on without them.

import { createRequire } from 'node:module';
import { constants, endianness } from 'node:os';

const WNOHANG = 1;
const PR_SET_CHILD_SUBREAPER = 36;
const O_CLOEXEC = 0o2000000;
const F_SETPIPE_SZ = 1031;
const AF_UNIX = 1;
const SOCK_DGRAM = 2;
const SOCK_NONBLOCK = 0o4000;
const SOCK_CLOEXEC = 0o2000000;
const MSG_DONTWAIT = 0x40;
const MSG_NOSIGNAL = 0x4000;
const ENAMETOOLONG = constants.errno.ENAMETOOLONG;
/** sizeof(struct sockaddr_un): a 2-byte family, then the path (NUL-terminated) */
const SOCKADDR_UN_SIZE = 110;

export interface Libc {
  /** waitpid(pid, &status, WNOHANG): the status once `pid` is reaped, null if not (or ECHILD). */
  reap(pid: number): number | null;
  /** prctl(PR_SET_CHILD_SUBREAPER, 1): undefined on success, else the errno. */
  becomeSubreaper(): number | undefined;
  /** pipe2(fds, O_CLOEXEC): [read end, write end], or null when it fails (e.g. EMFILE). */
  pipe(): readonly [number, number] | null;
  /** fcntl(fd, F_SETPIPE_SZ, bytes): the pipe's new capacity, or minus the errno. */
  setPipeSize(fd: number, bytes: number): number;
  /** A non-blocking unix datagram socket connected to `path`: the fd, or minus the errno. */
  connectUnixDatagram(path: string): number;
  /** send(fd, bytes, MSG_DONTWAIT): 0 once sent, else the errno (EAGAIN: the reader is full). */
  sendDatagram(fd: number, bytes: Uint8Array): number;
  closeFd(fd: number): void;
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
    const socket = lib.func('int socket(int domain, int type, int protocol)');
    const connect = lib.func('int connect(int fd, const void *addr, uint32_t len)');
    const send = lib.func('intptr_t send(int fd, const void *buf, size_t len, int flags)');
    const close = lib.func('int close(int fd)');
    const fcntl = lib.func('int fcntl(int fd, int cmd, int arg)');
    const connectUnixDatagram = (path: string): number => {
      const name = Buffer.from(path, 'utf8');
      if (name.length >= SOCKADDR_UN_SIZE - 2) {
        return -ENAMETOOLONG;
      }
      const fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0) as number;
      if (fd < 0) {
        return -koffi.errno();
      }
      const address = Buffer.alloc(SOCKADDR_UN_SIZE);
      address[endianness() === 'LE' ? 0 : 1] = AF_UNIX;
      name.copy(address, 2);
      if (connect(fd, address, 2 + name.length + 1) !== 0) {
        const errno = koffi.errno();
        close(fd);
        return -errno;
      }
      return fd;
    };
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
        setPipeSize: (fd, bytes) => {
          const size = fcntl(fd, F_SETPIPE_SZ, bytes) as number;
          return size < 0 ? -koffi.errno() : size;
        },
        connectUnixDatagram,
        sendDatagram: (fd, bytes) =>
          (send(fd, bytes, bytes.length, MSG_DONTWAIT | MSG_NOSIGNAL) as number) < 0
            ? koffi.errno()
            : 0,
        closeFd: (fd) => void close(fd),
      },
    };
  } catch (error) {
    return { ok: false, why: error instanceof Error ? error.message : String(error) };
  }
};

/** The libc calls, or why they are unavailable (the same answer every time). */
export const loadLibc = (): Loaded => (loaded ??= load());
