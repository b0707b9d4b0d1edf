// The process table's rows as plain data: what each column shows for one process, then the
// filter (text over name, group, state and description; one group) and the sort the user chose.

import { stateClass, type StateClass } from '../../classic/status-rows.js';
import type { ProcessHealthInfo } from '../../../protocol/process-health.js';
import type { ProcessInfo } from '../../../protocol/process-info.js';
import { namespecOf, uptimeSec, type FigureHistory, type LiveSnapshot } from './live-snapshot.js';

export interface ProcessRow {
  readonly namespec: string;
  readonly name: string;
  readonly group: string;
  readonly statename: string;
  readonly tone: StateClass;
  readonly description: string;
  /** null when it has no pid */
  readonly pid: number | null;
  readonly uptimeSec: number | null;
  /** null until the first figures arrive */
  readonly restarts: number | null;
  readonly cpuPercent: number | null;
  readonly memoryKb: number | null;
  /** Readiness and dependencies in a few words; '' for a process that uses neither. */
  readonly health: string;
  readonly history: FigureHistory;
  readonly info: ProcessInfo;
}

export const SORT_KEYS = ['name', 'state', 'cpu', 'memory', 'uptime', 'restarts'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const NO_HISTORY: FigureHistory = { cpu: [], memoryKb: [] };

export const healthText = (health: ProcessHealthInfo | undefined): string => {
  if (health === undefined) {
    return '';
  }
  if (health.reason !== '') {
    return health.reason;
  }
  if (health.waiting_for !== '') {
    return `waiting for ${health.waiting_for}`;
  }
  const parts = [
    health.readiness === 'none' ? '' : health.readiness,
    health.liveness === 'none' || health.liveness === 'ok' ? '' : `liveness ${health.liveness}`,
  ].filter((part) => part !== '');
  return parts.join(', ');
};

export const processRows = (snapshot: LiveSnapshot, localNowSec: number): ProcessRow[] =>
  snapshot.processes.map((info) => {
    const namespec = namespecOf(info);
    const stats = snapshot.stats.get(namespec);
    const sampled = stats !== undefined && stats.sampled;
    return {
      namespec,
      name: info.name,
      group: info.group,
      statename: info.statename,
      tone: stateClass(info.statename),
      description: info.description,
      pid: info.pid > 0 ? info.pid : null,
      uptimeSec: uptimeSec(info, snapshot, localNowSec),
      restarts: stats === undefined ? null : stats.restarts,
      cpuPercent: sampled ? stats.cpu_percent : null,
      memoryKb: sampled ? stats.rss_kb : null,
      health: healthText(snapshot.health.get(namespec)),
      history: snapshot.history.get(namespec) ?? NO_HISTORY,
      info,
    };
  });

export interface RowView {
  /** Matched against name, group, state, description and health, ignoring case. */
  readonly text: string;
  /** '' for every group */
  readonly group: string;
  readonly sort: SortKey;
}

export const filterRows = (rows: readonly ProcessRow[], view: RowView): ProcessRow[] => {
  const needle = view.text.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (view.group === '' || row.group === view.group) &&
      (needle === '' ||
        [row.namespec, row.statename, row.description, row.health].some((field) =>
          field.toLowerCase().includes(needle),
        )),
  );
};

const byName = (a: ProcessRow, b: ProcessRow): number =>
  a.namespec < b.namespec ? -1 : a.namespec > b.namespec ? 1 : 0;

/** Figures sort biggest first; missing figures last; ties by name. */
const descending =
  (figure: (row: ProcessRow) => number | null) =>
  (a: ProcessRow, b: ProcessRow): number =>
    (figure(b) ?? -1) - (figure(a) ?? -1) || byName(a, b);

const COMPARERS: Record<SortKey, (a: ProcessRow, b: ProcessRow) => number> = {
  name: byName,
  state: (a, b) => a.info.state - b.info.state || byName(a, b),
  cpu: descending((row) => row.cpuPercent),
  memory: descending((row) => row.memoryKb),
  uptime: descending((row) => row.uptimeSec),
  restarts: descending((row) => row.restarts),
};

export const sortRows = (rows: readonly ProcessRow[], key: SortKey): ProcessRow[] =>
  [...rows].sort(COMPARERS[key]);

/** The groups, in name order, for the group picker. */
export const groupsOf = (rows: readonly ProcessRow[]): string[] =>
  [...new Set(rows.map((row) => row.group))].sort();
