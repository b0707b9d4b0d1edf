// tssupervisor.getProcessStats' struct, both sides: the server's encoder (one process tree's CPU,
// memory and restarts, rounded as sent) and the clients' reader (a double's number unwrapped).

import type { TreeUsage } from '../ports/process-stats.js';
import { readStruct, type WireValue } from './wire-value.js';
import { INT32_MAX, XmlRpcDouble } from './xmlrpc/xmlrpc-value.js';

export type ProcessStatsStruct = {
  readonly name: string;
  readonly group: string;
  readonly pid: number;
  /** false when there is no figure: no pid, or its tree could not be read */
  readonly sampled: boolean;
  readonly cpu_percent: XmlRpcDouble;
  readonly rss_kb: number;
  readonly processes: number;
  readonly restarts: number;
};

/** As a client reads it: cpu_percent a plain number. */
export type ProcessStatsInfo = Omit<ProcessStatsStruct, 'cpu_percent'> & {
  readonly cpu_percent: number;
};

/** `usage` is undefined when there is no figure for the process. */
export const encodeProcessStats = (
  process: { readonly name: string; readonly group: string; readonly pid: number },
  usage: TreeUsage | undefined,
  restarts: number,
): ProcessStatsStruct => ({
  name: process.name,
  group: process.group,
  pid: process.pid,
  sampled: usage !== undefined,
  cpu_percent: new XmlRpcDouble(Math.round((usage?.cpuPercent ?? 0) * 10) / 10),
  rss_kb: Math.min(INT32_MAX, Math.round((usage?.rssBytes ?? 0) / 1024)),
  processes: usage?.processCount ?? 0,
  restarts,
});

export const readProcessStats = (method: string, value: WireValue): ProcessStatsInfo => {
  const s = readStruct(method, value);
  return {
    name: s.string('name'),
    group: s.string('group'),
    pid: s.int('pid'),
    sampled: s.bool('sampled'),
    // A `<double>` from us; an `<int>` is a number too.
    cpu_percent: s.number('cpu_percent'),
    rss_kb: s.int('rss_kb'),
    processes: s.int('processes'),
    restarts: s.int('restarts'),
  };
};
