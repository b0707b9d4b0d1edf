// What GET /metrics reports (pure): a snapshot of the daemon and its processes → the metric
// families, under the names existing dashboards use (node_exporter's supervisord collector, the
// supervisord_exporter) and ours (tssupervisor_*). Labels never carry pids or times.

import { PROCESS_STATE_CODES, type ProcessStateName } from '../../model/process-state.js';
import { SUPERVISOR_STATE_CODES, type SupervisorStateName } from '../../model/supervisor-state.js';
import type { OutputChannel } from '../../model/events.js';
import { SUPERVISOR_VERSION } from '../../model/versions.js';
import type { DaemonUsage, TreeUsage } from '../../ports/process-stats.js';
import { Labels, type MetricFamily, type MetricType, type Sample } from './exposition.js';

/** One channel's log file counters since the file was opened in this run of the daemon. */
export interface LogCounters {
  readonly channel: OutputChannel;
  readonly writtenBytes: number;
  readonly droppedBytes: number;
}

export interface ProcessSnapshot {
  readonly name: string;
  readonly group: string;
  readonly state: ProcessStateName;
  /** epoch seconds of the last start attempt, 0 if never */
  readonly startedAtSec: number;
  readonly exitStatus: number;
  /** none: no readiness probe (see ProcessHealth) */
  readonly readiness: 'none' | 'pending' | 'ready' | 'down';
  readonly liveness: 'none' | 'ok' | 'failing' | 'down';
  readonly probeFailures: number;
  /** spawns after the first in this run of the daemon */
  readonly restarts: number;
  /** its process tree; undefined when there is no pid or no figure */
  readonly usage: TreeUsage | undefined;
  /** the channels that have a log file */
  readonly logs: readonly LogCounters[];
}

export interface MetricsSnapshot {
  /** epoch seconds */
  readonly nowSec: number;
  /** ours */
  readonly version: string;
  readonly mood: SupervisorStateName;
  readonly daemon: DaemonUsage;
  readonly processes: readonly ProcessSnapshot[];
  /** events each [eventlistener:x] pool's full buffer discarded */
  readonly eventPools: readonly { readonly pool: string; readonly discarded: number }[];
}

/** node_exporter's "up": a process that is, or is about to be, or is still running. */
const NODE_EXPORTER_UP: ReadonlySet<ProcessStateName> = new Set([
  'STARTING',
  'RUNNING',
  'STOPPING',
]);

interface FamilySpec<T> {
  readonly name: string;
  readonly help: string;
  readonly type: MetricType;
  /** the sample of one item, or null for none */
  readonly sample: (item: T) => Sample | null;
}

const familiesOf = <T>(items: readonly T[], specs: readonly FamilySpec<T>[]): MetricFamily[] =>
  specs.map(({ name, help, type, sample }) => ({
    name,
    help,
    type,
    samples: items.flatMap((item) => sample(item) ?? []),
  }));

interface Row {
  readonly p: ProcessSnapshot;
  /** name and group, rendered once for all of the process's families */
  readonly labels: Labels;
  readonly nowSec: number;
}

const PROCESS_FAMILIES: readonly FamilySpec<Row>[] = [
  // node_exporter's supervisord collector (collector/supervisord.go), same names and meanings.
  {
    name: 'node_supervisord_up',
    help: 'Process Up: 1 when STARTING, RUNNING or STOPPING.',
    type: 'gauge',
    sample: ({ p, labels }) => ({ labels, value: NODE_EXPORTER_UP.has(p.state) ? 1 : 0 }),
  },
  {
    name: 'node_supervisord_state',
    help: 'Process State: the supervisord state code (0 STOPPED, 10 STARTING, 20 RUNNING, 30 BACKOFF, 40 STOPPING, 100 EXITED, 200 FATAL, 1000 UNKNOWN).',
    type: 'gauge',
    sample: ({ p, labels }) => ({ labels, value: PROCESS_STATE_CODES[p.state] }),
  },
  {
    name: 'node_supervisord_exit_status',
    help: 'Process Exit Status of the last exit.',
    type: 'gauge',
    sample: ({ p, labels }) => ({ labels, value: p.exitStatus }),
  },
  {
    name: 'node_supervisord_start_time_seconds',
    help: 'Process start time, in seconds since the epoch, while the process is up.',
    type: 'counter',
    sample: ({ p, labels }) =>
      NODE_EXPORTER_UP.has(p.state) ? { labels, value: p.startedAtSec } : null,
  },
  // The supervisord_exporter's (state and exit_status labels are theirs; their values are few).
  {
    name: 'supervisor_process_info',
    help: 'Supervisor process information: 1 when RUNNING, else 0.',
    type: 'gauge',
    sample: ({ p, labels }) => ({
      labels: labels.with('state', p.state).with('exit_status', String(p.exitStatus)),
      value: p.state === 'RUNNING' ? 1 : 0,
    }),
  },
  {
    name: 'supervisor_process_uptime',
    help: 'Uptime of Supervisor processes, in seconds, while RUNNING.',
    type: 'gauge',
    sample: ({ p, labels, nowSec }) =>
      p.state === 'RUNNING' ? { labels, value: Math.max(0, nowSec - p.startedAtSec) } : null,
  },
  // Ours.
  {
    name: 'tssupervisor_process_ready',
    help: 'Ready: 1 when RUNNING (with a readiness probe, RUNNING only once the probe passed), else 0.',
    type: 'gauge',
    sample: ({ p, labels }) => ({ labels, value: p.state === 'RUNNING' ? 1 : 0 }),
  },
  {
    name: 'tssupervisor_process_probe_failures',
    help: 'Failures in a row of the readiness or liveness probe now running (processes with a probe only).',
    type: 'gauge',
    sample: ({ p, labels }) =>
      p.readiness === 'none' && p.liveness === 'none' ? null : { labels, value: p.probeFailures },
  },
  {
    name: 'tssupervisor_process_restarts_total',
    help: 'Spawns after the first, in this run of the daemon.',
    type: 'counter',
    sample: ({ p, labels }) => ({ labels, value: p.restarts }),
  },
  {
    name: 'tssupervisor_process_cpu_seconds_total',
    help: 'CPU time (user and system) of the process tree: its live processes and the children they have waited for, in seconds. Starts again with each spawn.',
    type: 'counter',
    sample: ({ p, labels }) =>
      p.usage === undefined ? null : { labels, value: p.usage.cpuSeconds },
  },
  {
    name: 'tssupervisor_process_resident_memory_bytes',
    help: 'Resident memory of the process tree, summed over its processes, in bytes.',
    type: 'gauge',
    sample: ({ p, labels }) => (p.usage === undefined ? null : { labels, value: p.usage.rssBytes }),
  },
  {
    name: 'tssupervisor_process_tree_processes',
    help: 'Processes in the process tree, the supervised one included.',
    type: 'gauge',
    sample: ({ p, labels }) =>
      p.usage === undefined ? null : { labels, value: p.usage.processCount },
  },
];

/** One family over every log file of every process (a sample per channel). */
const logFamily = (
  rows: readonly Row[],
  name: string,
  help: string,
  value: (log: LogCounters) => number,
): MetricFamily => ({
  name,
  help,
  type: 'counter',
  samples: rows.flatMap(({ p, labels }) =>
    p.logs.map((log) => ({ labels: labels.with('channel', log.channel), value: value(log) })),
  ),
});

export const metricFamilies = (snapshot: MetricsSnapshot): MetricFamily[] => {
  const rows: Row[] = snapshot.processes.map((p) => ({
    p,
    labels: Labels.of([
      ['name', p.name],
      ['group', p.group],
    ]),
    nowSec: snapshot.nowSec,
  }));
  const one = (name: string, help: string, type: MetricType, value: number): MetricFamily => ({
    name,
    help,
    type,
    samples: [{ labels: Labels.none, value }],
  });
  return [
    one('supervisord_up', 'Supervisord is up and answering (1).', 'gauge', 1),
    {
      name: 'tssupervisord_info',
      help: 'The versions of this daemon: ours, and the supervisord whose behaviour it reproduces.',
      type: 'gauge',
      samples: [
        {
          labels: Labels.of([
            ['version', snapshot.version],
            ['supervisor_version', SUPERVISOR_VERSION],
          ]),
          value: 1,
        },
      ],
    },
    one(
      'tssupervisord_state',
      'The daemon state code, as getState reports it (1 RUNNING, 0 RESTARTING, -1 SHUTDOWN, 2 FATAL).',
      'gauge',
      SUPERVISOR_STATE_CODES[snapshot.mood],
    ),
    one(
      'process_cpu_seconds_total',
      'CPU time (user and system) of the daemon itself, in seconds.',
      'counter',
      snapshot.daemon.cpuSeconds,
    ),
    one(
      'process_resident_memory_bytes',
      'Resident memory of the daemon itself, in bytes.',
      'gauge',
      snapshot.daemon.rssBytes,
    ),
    one(
      'process_start_time_seconds',
      'Start time of the daemon itself, in seconds since the epoch.',
      'gauge',
      snapshot.daemon.startTimeSec,
    ),
    ...familiesOf(rows, PROCESS_FAMILIES),
    logFamily(
      rows,
      'tssupervisor_log_written_bytes_total',
      'Bytes written to the log file of a channel (stdout, stderr) since it was opened in this run of the daemon.',
      (log) => log.writtenBytes,
    ),
    logFamily(
      rows,
      'tssupervisor_log_dropped_bytes_total',
      'Bytes of output that could not be written to the log file of a channel (the file could not be opened or written).',
      (log) => log.droppedBytes,
    ),
    {
      name: 'tssupervisor_events_discarded_total',
      help: 'Events an [eventlistener:x] pool discarded because its buffer (buffer_size) was full.',
      type: 'counter',
      samples: snapshot.eventPools.map(({ pool, discarded }) => ({
        labels: Labels.of([['pool', pool]]),
        value: discarded,
      })),
    },
  ];
};
