// The process table's rows, in order: filtered, sorted, and grouped under a header row for each
// group of several processes (a lone `web` in group `web` stands alone). Pure.

import type { ProcessInfo } from '../protocol/process-info.js';
import { makeNamespec } from '../model/namespec.js';
import { processKey } from './daemon-api.js';
import type { UsageTable } from './usage-history.js';

export type SortKey = 'name' | 'state' | 'cpu' | 'memory' | 'uptime' | 'restarts';
export const SORT_KEYS: readonly SortKey[] = [
  'name',
  'state',
  'cpu',
  'memory',
  'uptime',
  'restarts',
];

export type TableRow =
  | {
      readonly kind: 'group';
      /** `group:*`, which is also how actions name the whole group */
      readonly key: string;
      readonly group: string;
      /** the group's processes that pass the filter */
      readonly members: readonly ProcessInfo[];
    }
  | {
      readonly kind: 'process';
      /** `group:name` */
      readonly key: string;
      readonly namespec: string;
      readonly info: ProcessInfo;
      /** shown under its group's header row */
      readonly member: boolean;
    };

export interface RowOptions {
  readonly filter: string;
  readonly sort: SortKey;
  readonly grouped: boolean;
}

/** Problems first: the order of the `state` sort. */
const SEVERITY: Readonly<Record<string, number>> = {
  FATAL: 0,
  UNKNOWN: 1,
  BACKOFF: 2,
  EXITED: 3,
  STARTING: 4,
  STOPPING: 5,
  STOPPED: 6,
  RUNNING: 7,
};

type Single = { readonly kind: 'single'; readonly info: ProcessInfo };
type Unit =
  | Single
  | { readonly kind: 'group'; readonly group: string; readonly members: readonly ProcessInfo[] };

const single = (info: ProcessInfo): Single => ({ kind: 'single', info });

const membersOf = (unit: Unit): readonly ProcessInfo[] =>
  unit.kind === 'single' ? [unit.info] : unit.members;

const nameOf = (unit: Unit): string =>
  unit.kind === 'single' ? makeNamespec(unit.info.group, unit.info.name) : unit.group;

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** The unit's sort value: lower sorts first. */
const sortValue = (unit: Unit, sort: SortKey, usage: UsageTable): number => {
  const members = membersOf(unit);
  const latest = (p: ProcessInfo) => usage.get(processKey(p.group, p.name))?.latest;
  switch (sort) {
    case 'name':
      return 0;
    case 'state':
      return Math.min(...members.map((p) => SEVERITY[p.statename] ?? 1));
    case 'cpu':
      return -sum(members.map((p) => latest(p)?.cpuPercent ?? 0));
    case 'memory':
      return -sum(members.map((p) => latest(p)?.rssKb ?? 0));
    case 'uptime':
      // The most recently started first; what is not running last.
      return -Math.max(0, ...members.map((p) => (p.pid === 0 ? 0 : p.start)));
    case 'restarts':
      return -sum(members.map((p) => latest(p)?.restarts ?? 0));
  }
};

const sortUnits = <U extends Unit>(units: readonly U[], sort: SortKey, usage: UsageTable): U[] => {
  const keyed = units.map((unit) => ({
    unit,
    value: sortValue(unit, sort, usage),
    name: nameOf(unit),
  }));
  keyed.sort((a, b) => a.value - b.value || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return keyed.map((k) => k.unit);
};

const matcher = (filter: string): ((p: ProcessInfo) => boolean) => {
  const wanted = filter.trim().toLowerCase();
  return wanted === ''
    ? () => true
    : (p) =>
        makeNamespec(p.group, p.name).toLowerCase().includes(wanted) ||
        p.statename.toLowerCase().includes(wanted);
};

const processRow = (info: ProcessInfo, member: boolean): TableRow => ({
  kind: 'process',
  key: processKey(info.group, info.name),
  namespec: makeNamespec(info.group, info.name),
  info,
  member,
});

export const buildRows = (
  processes: readonly ProcessInfo[],
  usage: UsageTable,
  options: RowOptions,
): readonly TableRow[] => {
  const shown = processes.filter(matcher(options.filter));
  if (!options.grouped) {
    return sortUnits(shown.map(single), options.sort, usage).map((u) => processRow(u.info, false));
  }
  // Whether a group gets a header depends on all its processes, so filtering never changes it.
  const headed = new Set(processes.filter((p) => p.name !== p.group).map((p) => p.group));
  const byGroup = new Map<string, ProcessInfo[]>();
  const units: Unit[] = [];
  for (const info of shown) {
    if (!headed.has(info.group)) {
      units.push(single(info));
      continue;
    }
    let members = byGroup.get(info.group);
    if (members === undefined) {
      members = [];
      byGroup.set(info.group, members);
      units.push({ kind: 'group', group: info.group, members });
    }
    members.push(info);
  }
  return sortUnits(units, options.sort, usage).flatMap((unit): TableRow[] => {
    if (unit.kind === 'single') {
      return [processRow(unit.info, false)];
    }
    const members = sortUnits(unit.members.map(single), options.sort, usage).map((u) => u.info);
    return [
      { kind: 'group', key: `${unit.group}:*`, group: unit.group, members },
      ...members.map((info) => processRow(info, true)),
    ];
  });
};
