// The process table's rows, in order: filtered, sorted, and grouped under a header row for each
// group of several processes (a lone `web` in group `web` stands alone). In a fleet, grouped
// means by host first (in the fleet's order), and a host with nothing to list (down, still
// connecting, no processes) is one row of its own. Pure.

import { makeNamespec } from '../model/namespec.js';
import { processKey } from './daemon-api.js';
import { hostKey, type HostLink } from './host-link.js';
import type { HostedProcess } from './state.js';
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
  /** A host of a fleet with no process to list: what it is up to is its link's to say. */
  | { readonly kind: 'host'; readonly key: string; readonly host: string }
  | {
      readonly kind: 'group';
      /** hostKey of `group:*`, which is also how actions name the whole group */
      readonly key: string;
      readonly host: string;
      readonly group: string;
      /** the group's processes that pass the filter */
      readonly members: readonly HostedProcess[];
    }
  | {
      readonly kind: 'process';
      /** hostKey of `group:name` */
      readonly key: string;
      readonly host: string;
      readonly namespec: string;
      readonly info: HostedProcess;
      /** shown under its group's header row */
      readonly member: boolean;
    };

export interface RowOptions {
  /** The hosts shown; more than one is a fleet. */
  readonly hosts: readonly HostLink[];
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

type Single = { readonly kind: 'single'; readonly info: HostedProcess };
type Unit =
  | Single
  | { readonly kind: 'group'; readonly group: string; readonly members: readonly HostedProcess[] };

const single = (info: HostedProcess): Single => ({ kind: 'single', info });

const membersOf = (unit: Unit): readonly HostedProcess[] =>
  unit.kind === 'single' ? [unit.info] : unit.members;

const nameOf = (unit: Unit): string =>
  unit.kind === 'single' ? makeNamespec(unit.info.group, unit.info.name) : unit.group;

const hostOf = (unit: Unit): string => membersOf(unit)[0]?.host ?? '';

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** The unit's sort value: lower sorts first. */
const sortValue = (unit: Unit, sort: SortKey, usage: UsageTable): number => {
  const members = membersOf(unit);
  const latest = (p: HostedProcess) =>
    usage.get(hostKey(p.host, processKey(p.group, p.name)))?.latest;
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
    host: hostOf(unit),
  }));
  keyed.sort(
    (a, b) => a.value - b.value || compareText(a.name, b.name) || compareText(a.host, b.host),
  );
  return keyed.map((k) => k.unit);
};

const matcher = (filter: string): ((p: HostedProcess) => boolean) => {
  const wanted = filter.trim().toLowerCase();
  return wanted === ''
    ? () => true
    : (p) =>
        hostKey(p.host, makeNamespec(p.group, p.name)).toLowerCase().includes(wanted) ||
        p.statename.toLowerCase().includes(wanted);
};

const processRow = (info: HostedProcess, member: boolean): TableRow => ({
  kind: 'process',
  key: hostKey(info.host, processKey(info.group, info.name)),
  host: info.host,
  namespec: makeNamespec(info.group, info.name),
  info,
  member,
});

/** One host's rows (or the single daemon's), grouped. */
const groupedRows = (
  processes: readonly HostedProcess[],
  usage: UsageTable,
  options: RowOptions,
): TableRow[] => {
  const shown = processes.filter(matcher(options.filter));
  // Whether a group gets a header depends on all its processes, so filtering never changes it.
  const headed = new Set(processes.filter((p) => p.name !== p.group).map((p) => p.group));
  const byGroup = new Map<string, HostedProcess[]>();
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
    const host = hostOf(unit);
    return [
      { kind: 'group', key: hostKey(host, `${unit.group}:*`), host, group: unit.group, members },
      ...members.map((info) => processRow(info, true)),
    ];
  });
};

const hostRow = (host: string): TableRow => ({ kind: 'host', key: hostKey(host, ''), host });

/** The fleet's hosts that have no process to list, and that the filter does not hide. */
const emptyHosts = (
  processes: readonly HostedProcess[],
  options: RowOptions,
): readonly HostLink[] => {
  const wanted = options.filter.trim().toLowerCase();
  return options.hosts.filter(
    (link) =>
      !processes.some((p) => p.host === link.name) &&
      (wanted === '' ||
        link.name.toLowerCase().includes(wanted) ||
        (link.connection.kind === 'lost' && 'down'.includes(wanted))),
  );
};

export const buildRows = (
  processes: readonly HostedProcess[],
  usage: UsageTable,
  options: RowOptions,
): readonly TableRow[] => {
  const fleet = options.hosts.length > 1;
  const idle = fleet ? emptyHosts(processes, options) : [];
  if (!options.grouped) {
    const shown = processes.filter(matcher(options.filter));
    return [
      ...idle.map((link) => hostRow(link.name)),
      ...sortUnits(shown.map(single), options.sort, usage).map((u) => processRow(u.info, false)),
    ];
  }
  if (!fleet) {
    return groupedRows(processes, usage, options);
  }
  return options.hosts.flatMap((link) =>
    idle.includes(link)
      ? [hostRow(link.name)]
      : groupedRows(
          processes.filter((p) => p.host === link.name),
          usage,
          options,
        ),
  );
};
