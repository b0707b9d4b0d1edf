// The few fields of a /proc/<pid>/stat line that child care needs: state (Z is a zombie), parent,
// process group and start time (clock ticks after boot: what tells a reused pid apart). Pure.

export interface StatFields {
  readonly pid: number;
  /** one letter: R, S, D, Z, T, … */
  readonly state: string;
  readonly ppid: number;
  readonly pgrp: number;
  readonly startTicks: number;
}

/** The fields of one stat line, or null when it does not parse. */
export const parseStatFields = (text: string): StatFields | null => {
  // Field 2, the command name, is in parentheses and may itself hold spaces and parentheses.
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) {
    return null;
  }
  const pid = Number(text.slice(0, open).trim());
  // From field 3 (state) on: ppid is field 4, pgrp 5, starttime 22.
  const fields = text.slice(close + 2).split(' ');
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
