// The few fields of a /proc/<pid>/stat line that child care needs: state (Z is a zombie), parent,
// process group and start time (clock ticks after boot: what tells a reused pid apart); and the
// split of a stat line around its command name, which proc-scan.ts reads too. Pure.

export interface StatFields {
  readonly pid: number;
  /** one letter: R, S, D, Z, T, … */
  readonly state: string;
  readonly ppid: number;
  readonly pgrp: number;
  readonly startTicks: number;
}

/**
 * A stat line split where it can be: the pid, and the fields after the command name (field 2,
 * in parentheses, may itself hold spaces and parentheses), from field 3 (state) on; so field N
 * of proc(5) is `fields[N - 3]`. Null when the line has no command name.
 */
export const splitStatLine = (
  text: string,
): { readonly pid: number; readonly fields: readonly string[] } | null => {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) {
    return null;
  }
  return { pid: Number(text.slice(0, open).trim()), fields: text.slice(close + 2).split(' ') };
};

/** The fields of one stat line, or null when it does not parse. */
export const parseStatFields = (text: string): StatFields | null => {
  const split = splitStatLine(text);
  if (split === null) {
    return null;
  }
  const { pid, fields } = split;
  // ppid is field 4, pgrp 5, starttime 22.
  const state = fields[0] ?? '';
  const [ppid, pgrp, startTicks] = [1, 2, 19].map((i) => Number(fields[i]));
  if (
    !Number.isInteger(pid) ||
    pid <= 0 ||
    !/^[A-Za-z]$/.test(state) ||
    ppid === undefined ||
    pgrp === undefined ||
    startTicks === undefined ||
    ![ppid, pgrp, startTicks].every(Number.isInteger)
  ) {
    return null;
  }
  return { pid, state, ppid, pgrp, startTicks };
};
