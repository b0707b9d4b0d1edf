// A child's stdout and stderr as real pipes, as supervisord gives them. Node's own 'pipe' stdio is
// a unix socketpair, and a program that opens /dev/stdout or /dev/stderr by path (nginx's
// `access_log /dev/stdout`, `echo x > /dev/stderr`) gets ENXIO from a socket; from a pipe it works.
// The pipes come from pipe2 through koffi (close-on-exec, so no other child inherits them); the
// child gets the write ends as fds 1 and 2 (the same pipe for both when stderr is redirected),
// the daemon reads the read ends as streams. Without koffi, null: the spawner uses Node's pipes.

import { closeSync } from 'node:fs';
import { Socket } from 'node:net';
import type { Readable } from 'node:stream';

import { loadLibc } from './libc.js';

export interface OutputPipes {
  /** What spawn's stdio gets for fds 1 and 2. */
  readonly childEnds: readonly [number, number];
  /** Once spawned: close the write ends here and read the read ends (stderr null if redirected). */
  attach(): { readonly stdout: Readable; readonly stderr: Readable | null };
  /** The spawn failed: close every end. */
  discard(): void;
}

const closeQuietly = (fds: readonly number[]): void => {
  for (const fd of fds) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
  }
};

const reader = (fd: number): Readable => new Socket({ fd, readable: true, writable: false });

/** Pipes for a child's stdout and (unless redirected to stdout's) stderr; null without pipe2. */
export const openOutputPipes = (redirectStderr: boolean): OutputPipes | null => {
  const libc = loadLibc();
  if (!libc.ok) {
    return null;
  }
  const stdout = libc.libc.pipe();
  if (stdout === null) {
    return null;
  }
  const stderr = redirectStderr ? null : libc.libc.pipe();
  if (!redirectStderr && stderr === null) {
    closeQuietly(stdout);
    return null;
  }
  const all = [...stdout, ...(stderr ?? [])];
  return {
    childEnds: [stdout[1], stderr === null ? stdout[1] : stderr[1]],
    attach: () => {
      closeQuietly([stdout[1], ...(stderr === null ? [] : [stderr[1]])]);
      return { stdout: reader(stdout[0]), stderr: stderr === null ? null : reader(stderr[0]) };
    },
    discard: () => closeQuietly(all),
  };
};
