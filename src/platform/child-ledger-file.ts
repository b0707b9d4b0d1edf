// The children ledger on disk: rewritten in place on the turn of the event loop after children
// come or go, at most every 10 ms, removed at a clean exit; and at startup, a dead daemon's ledger
// read and whatever of it still runs stopped (TERM, then KILL) before anything is spawned.

import {
  closeSync,
  ftruncateSync,
  openSync,
  readdirSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from 'node:fs';

import type { LogLevel } from '../model/log-level.js';
import { encodeLedger, leftoversOf, parseLedger, type LedgerEntry } from './child-ledger.js';
import type { ChildRegistry } from './child-registry.js';
import { parseStatFields, type StatFields } from './proc-stat-fields.js';

type Log = (level: LogLevel, message: string) => void;

export const readStat = (pid: number): StatFields | null => {
  try {
    return parseStatFields(readFileSync(`/proc/${pid}/stat`, 'latin1'));
  } catch {
    return null;
  }
};

/** Writes are at least this far apart: the most a storm can cost is 100 small writes a second. */
export const LEDGER_WRITE_GAP_MS = 10;

/**
 * The ledger is overwritten in place (write at offset 0, then truncate) on a descriptor kept
 * open, not replaced by a temp file and a rename: on ext4 a rename over a file flushes its data
 * (~110 µs a write, against ~8). Nobody reads it while we live; a write torn by our death leaves
 * the new text, its end line, then old text the reader ignores.
 */
export class LedgerFile {
  private scheduled = false;
  private lastWriteMs = -Infinity;
  private failed = false;
  private closed = false;
  private fd: number | null = null;

  constructor(
    readonly path: string,
    private readonly registry: ChildRegistry,
    private readonly log: Log,
  ) {
    registry.onChange(() => this.schedule());
    this.write();
  }

  /** Write now (the daemon's start, tests); otherwise writes follow the registry. */
  write(): void {
    this.scheduled = false;
    if (this.closed) {
      return;
    }
    this.lastWriteMs = performance.now();
    const entries: LedgerEntry[] = [];
    for (const [pid, child] of this.registry.entries()) {
      // A child still in the registry has not been reaped, so its pid cannot have been reused.
      child.startTicks ??= readStat(pid)?.startTicks ?? null;
      if (child.startTicks !== null) {
        entries.push({ pgid: pid, startTicks: child.startTicks, name: child.name });
      }
    }
    try {
      this.fd ??= openSync(this.path, 'w');
      const bytes = Buffer.from(encodeLedger(entries), 'utf8');
      writeSync(this.fd, bytes, 0, bytes.length, 0);
      ftruncateSync(this.fd, bytes.length);
      if (this.failed) {
        this.failed = false;
        this.log('info', `children ledger ${this.path} written again`);
      }
    } catch (error) {
      if (!this.failed) {
        this.failed = true;
        this.log(
          'warn',
          `could not write the children ledger ${this.path} (${error instanceof Error ? error.message : String(error)}): if the daemon is killed, its children may be left running`,
        );
      }
    }
  }

  /** A clean exit: nothing of ours runs any more, nobody needs the ledger. */
  remove(): void {
    this.closed = true;
    try {
      if (this.fd !== null) {
        closeSync(this.fd);
      }
      unlinkSync(this.path);
    } catch {
      // not there
    }
    this.fd = null;
  }

  private schedule(): void {
    if (this.scheduled || this.closed) {
      return;
    }
    this.scheduled = true;
    const waitMs = this.lastWriteMs + LEDGER_WRITE_GAP_MS - performance.now();
    if (waitMs <= 0) {
      setImmediate(() => this.write());
    } else {
      setTimeout(() => this.write(), waitMs);
    }
  }
}

/** The process groups that have a member other than a zombie (a full /proc scan: startup only). */
const liveGroups = (): Set<number> => {
  const groups = new Set<number>();
  for (const name of readdirSync('/proc')) {
    if (/^\d+$/.test(name)) {
      const stat = readStat(Number(name));
      if (stat !== null && stat.state !== 'Z') {
        groups.add(stat.pgrp);
      }
    }
  }
  return groups;
};

const signalGroups = (pgids: readonly number[], signal: NodeJS.Signals): void => {
  for (const pgid of pgids) {
    try {
      process.kill(-pgid, signal);
    } catch {
      // gone meanwhile
    }
  }
};

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Poll until no group in `pgids` has a live member, for at most `timeoutMs`; the survivors. */
const waitGone = async (pgids: readonly number[], timeoutMs: number): Promise<number[]> => {
  let left = [...pgids];
  for (let waitedMs = 0; left.length > 0 && waitedMs < timeoutMs; waitedMs += 25) {
    await pause(25);
    const live = liveGroups();
    left = left.filter((pgid) => live.has(pgid));
  }
  return left;
};

/** How long leftovers get between SIGTERM and SIGKILL, and after SIGKILL at most. */
export const LEFTOVER_GRACE_MS = 1000;

/**
 * Before anything is spawned: stop what a previous daemon with this ledger (dead: the pidfile
 * check passed) left running, so no program ever runs twice. Logs each one at WARN.
 */
export const stopLeftovers = async (path: string, log: Log): Promise<void> => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return;
  }
  const leftovers = leftoversOf(parseLedger(text), readStat, process.pid);
  for (const e of leftovers) {
    log(
      'warn',
      `stopping '${e.name}' (pid ${e.pgid}) left running by a daemon that did not shut down cleanly`,
    );
  }
  const pgids = leftovers.map((e) => e.pgid);
  signalGroups(pgids, 'SIGTERM');
  const stubborn = await waitGone(pgids, LEFTOVER_GRACE_MS);
  if (stubborn.length > 0) {
    for (const e of leftovers.filter((l) => stubborn.includes(l.pgid))) {
      log('warn', `killing '${e.name}' (pid ${e.pgid}) with SIGKILL: still running after SIGTERM`);
    }
    signalGroups(stubborn, 'SIGKILL');
    await waitGone(stubborn, LEFTOVER_GRACE_MS);
  }
};
