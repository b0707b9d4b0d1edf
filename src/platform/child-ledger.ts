// The children ledger (pure part): which process groups a daemon has running, kept in a file
// beside its pidfile so that whoever comes after a killed daemon (its guardian, or the next
// daemon) can stop them. One line per live child: `<pgid> <start ticks> <program name>`.

import type { StatFields } from './proc-stat-fields.js';

export interface LedgerEntry {
  /** the child's pid, which is also its process group (children run detached) */
  readonly pgid: number;
  /** /proc/<pid>/stat starttime: the same pid with another start time is another process */
  readonly startTicks: number;
  /** `group:process`, or the process name when they are the same */
  readonly name: string;
}

const HEADER = '# tssupervisord children: pgid starttime name';
/** The last line: what follows it (the tail of a longer, older text) is not part of the ledger. */
const END = '# end';

/** `/run/supervisord.pid` → `/run/supervisord.children`; no extension: `.children` appended. */
export const ledgerPathFor = (pidfile: string): string => {
  const slash = pidfile.lastIndexOf('/');
  const dot = pidfile.lastIndexOf('.');
  const stem = dot > slash + 1 ? pidfile.slice(0, dot) : pidfile;
  return `${stem}.children`;
};

/** Names travel on one line: control characters (a newline) become `?`. */
// eslint-disable-next-line no-control-regex -- control characters are what must not get in
const CONTROL = /[\u0000-\u001f\u007f]/g;
const oneLine = (name: string): string => name.replace(CONTROL, '?');

export const encodeLedger = (entries: Iterable<LedgerEntry>): string => {
  let text = `${HEADER}\n`;
  for (const e of entries) {
    text += `${e.pgid} ${e.startTicks} ${oneLine(e.name)}\n`;
  }
  return `${text}${END}\n`;
};

/** Every well-formed line up to the end line; comments and anything else are skipped. */
export const parseLedger = (text: string): LedgerEntry[] => {
  const lines = text.split('\n');
  const end = lines.indexOf(END);
  return (end < 0 ? lines : lines.slice(0, end)).flatMap((line) => {
    const m = /^(\d+) (\d+) (.*)$/.exec(line);
    if (m === null) {
      return [];
    }
    const pgid = Number(m[1]);
    const startTicks = Number(m[2]);
    return pgid > 1 && Number.isSafeInteger(pgid) && Number.isSafeInteger(startTicks)
      ? [{ pgid, startTicks, name: m[3] ?? '' }]
      : [];
  });
};

/**
 * The entries of a dead daemon's ledger whose child still runs: its process group leader is
 * there (a zombie leader may still have a live group), leads its group, and started when the
 * ledger says (otherwise the pid was reused by something else, which we must not touch).
 */
export const leftoversOf = (
  entries: readonly LedgerEntry[],
  statOf: (pid: number) => StatFields | null,
  ownPid: number,
): LedgerEntry[] =>
  entries.filter((e) => {
    if (e.pgid === ownPid) {
      return false;
    }
    const stat = statOf(e.pgid);
    return stat !== null && stat.pgrp === e.pgid && stat.startTicks === e.startTicks;
  });
