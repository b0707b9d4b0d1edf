// The rows of the report: what each metric is, its unit, which direction is better, the target
// the issue set for tssupervisord, and the figures the issue quoted for supervisord and PM2.

import type { SubjectId } from '../subjects/subject.js';

export type Aggregate = 'median' | 'p50' | 'p95' | 'p99' | 'max' | 'growth';

export interface Target {
  readonly op: '<=' | '>=';
  readonly value: number;
}

export interface MetricDef {
  readonly id: string;
  /** the samples it is computed from (the same as id except for pooled and derived rows) */
  readonly source: string;
  /** when set, the figure is the aggregate of `source` divided by the same aggregate of these
   *  samples (e.g. busy / quiet) */
  readonly over: string | null;
  /** whose `over` samples divide it; null: the same subject's (e.g. ours ÷ the floor's) */
  readonly overSubject: SubjectId | null;
  /** a value at or above `value` is a lower bound (a timeout, a kill): shown as `text` */
  readonly ceiling: { readonly value: number; readonly text: string } | null;
  /** whether the "vs" columns compare it (off for load descriptions and ratios) */
  readonly compare: boolean;
  readonly label: string;
  readonly unit: string;
  readonly better: 'lower' | 'higher';
  readonly aggregate: Aggregate;
  readonly decimals: number;
  readonly target: Target | null;
  /** the figures for supervisord / PM2, as text */
  readonly quoted: string;
  /** shown in the chart */
  readonly chart: boolean;
  /** a shorter title for the chart panel */
  readonly chartLabel?: string;
}

const metric = (def: Partial<MetricDef> & Pick<MetricDef, 'id' | 'label' | 'unit'>): MetricDef => ({
  source: def.id,
  over: null,
  overSubject: null,
  ceiling: null,
  compare: true,
  better: 'lower',
  aggregate: 'median',
  decimals: 2,
  target: null,
  quoted: '',
  chart: false,
  ...def,
});

const le = (value: number): Target => ({ op: '<=', value });

const listRow = (n: number): MetricDef =>
  metric({
    id: `list.${n}`,
    label: `getAllProcessInfo @${n}, through the client (PM2: its list)`,
    unit: 'ms',
    decimals: 1,
    ...(n === 1000
      ? {
          target: le(15),
          quoted: '1500 / 92',
          chart: true,
          chartLabel: 'getAllProcessInfo @1000, client',
        }
      : {}),
  });

const rawRow = (n: number): MetricDef =>
  metric({
    id: `raw.${n}`,
    label: `getAllProcessInfo @${n}, daemon only (raw HTTP, not decoded)`,
    unit: 'ms',
    decimals: 1,
    ...(n === 1000
      ? {
          target: le(15),
          quoted: '1500 / –',
          chart: true,
          chartLabel: 'getAllProcessInfo @1000, daemon',
        }
      : {}),
  });

const ctlRow = (n: number): MetricDef =>
  metric({
    id: `ctl.${n}`,
    label: `ctl status @${n}`,
    unit: 's',
    decimals: 3,
    ...(n === 1000 ? { target: le(0.25), quoted: '1.97 / 0.45', chart: true } : {}),
  });

const EVENTS_LOAD = 'with a busy events-enabled logger';

/** The events scenario: restarts while quiet and while busy, their ratio, and the load itself. */
const eventsRows = (): MetricDef[] => [
  ...(['p50', 'p95'] as const).flatMap((p) => [
    metric({
      id: `events.quiet.${p}`,
      source: 'events.quiet',
      aggregate: p,
      label: `restart after SIGKILL, ${p}, quiet (the events scenario's own baseline)`,
      unit: 'ms',
      decimals: 1,
    }),
    metric({
      id: `events.busy.${p}`,
      source: 'events.busy',
      aggregate: p,
      label: `restart after SIGKILL, ${p}, ${EVENTS_LOAD}`,
      unit: 'ms',
      decimals: 1,
      target: le(p === 'p50' ? 5 : 8),
      ...(p === 'p50' ? { chart: true, chartLabel: 'restart p50, busy events logger' } : {}),
    }),
    metric({
      id: `events.ratio.${p}`,
      source: 'events.busy',
      over: 'events.quiet',
      aggregate: p,
      label: `restart ${p} ${EVENTS_LOAD} ÷ quiet (1 = not slowed)`,
      unit: '×',
      decimals: 2,
      compare: false,
    }),
  ]),
  ...(['p50', 'p95'] as const).flatMap((p) =>
    (
      [
        ['quiet', 'quiet'],
        ['busy', EVENTS_LOAD],
      ] as const
    ).map(([phase, load]) =>
      metric({
        id: `events.reaction.${phase}.${p}`,
        source: `events.reaction.${phase}`,
        aggregate: p,
        label: `daemon's reaction, exit → spawned (its own log, ms resolution), ${p}, ${load}`,
        unit: 'ms',
        decimals: 1,
      }),
    ),
  ),
  metric({
    id: 'events.logger.mibps',
    label: "busy logger's output taken by the daemon, during the busy kills",
    unit: 'MiB/s',
    better: 'higher',
    decimals: 0,
    compare: false,
  }),
  metric({
    id: 'events.acked',
    label: 'PROCESS_LOG events the listener acknowledged during the busy kills',
    unit: 'events',
    better: 'higher',
    decimals: 0,
    compare: false,
  }),
  metric({
    id: 'events.ackedps',
    label: 'PROCESS_LOG events acknowledged per second',
    unit: 'events/s',
    better: 'higher',
    decimals: 0,
    compare: false,
  }),
  metric({
    id: 'events.payload.mibps',
    label: 'logged data delivered to the listener in those events',
    unit: 'MiB/s',
    better: 'higher',
    decimals: 1,
    compare: false,
  }),
  metric({
    id: 'events.payload.share',
    source: 'events.payload.mibps',
    over: 'events.logger.mibps',
    label: "share of the logger's output that reached the listener (the rest: events dropped)",
    unit: '×',
    better: 'higher',
    decimals: 2,
    compare: false,
  }),
  metric({
    id: 'events.cpu',
    label: 'daemon CPU during the busy kills, s per s',
    unit: 's/s',
    decimals: 2,
    compare: false,
  }),
  metric({
    id: 'events.rss',
    label: 'daemon RSS after the busy kills',
    unit: 'MiB',
    decimals: 1,
    compare: false,
  }),
];

const UNANSWERED = { value: 5000, text: '≥ 5000 (unanswered)' };

/** getState latency under load, pooled over all probes of all runs; no answer counts as 5 s. */
const probeRows = (prefix: string, during: string, chartLabel: string): MetricDef[] => [
  ...(['p50', 'p99', 'max'] as const).map((p) =>
    metric({
      id: `${prefix}.rpc.${p}`,
      source: `${prefix}.rpc`,
      aggregate: p,
      label: `getState ${during}, ${p} (asked every 50 ms, 5 s timeout)`,
      unit: 'ms',
      decimals: 1,
      ceiling: UNANSWERED,
      ...(p === 'p99' ? { target: le(100), chart: true, chartLabel } : {}),
    }),
  ),
  metric({
    id: `${prefix}.rpc.unanswered`,
    label: `getState ${during}: share not answered within 5 s`,
    unit: '%',
    decimals: 1,
    target: le(0),
  }),
];

const STORM = 'restart storm';

/** The restart storm of issue 9 and the spawn floors (Python Popen in the floor column). */
const stormRows = (): MetricDef[] => [
  metric({
    id: 'storm.spawnps',
    label: `${STORM} (50 × \`sleep 0.05\`, autorestart): spawns per second after the first 10 s, children seen (floor: Python Popen loop)`,
    unit: 'spawns/s',
    better: 'higher',
    decimals: 0,
    compare: false,
  }),
  metric({
    id: 'storm.spawnps.log',
    label: `${STORM}: \`spawned:\` lines in the daemon's main log per second, same window`,
    unit: 'lines/s',
    better: 'higher',
    decimals: 0,
    compare: false,
  }),
  metric({
    id: 'storm.cpu',
    label: `${STORM}: daemon CPU, s per s`,
    unit: 's/s',
    decimals: 2,
    compare: false,
  }),
  metric({
    id: 'storm.cpuPerSpawn',
    label: `${STORM}: daemon CPU per spawn (floor: Python Popen loop)`,
    chartLabel: 'storm: CPU per spawn',
    unit: 'ms',
    decimals: 3,
    chart: true,
  }),
  metric({
    id: 'storm.cpuPerSpawn.posix_spawn',
    label: 'CPU per spawn of a Python os.posix_spawn loop, same storm (floor only)',
    unit: 'ms',
    decimals: 3,
    compare: false,
  }),
  metric({
    id: 'storm.cpuPerSpawn.node',
    label: 'CPU per spawn of a Node child_process.spawn loop, same storm (floor only)',
    unit: 'ms',
    decimals: 3,
    compare: false,
  }),
  ...(
    [
      ['popen', 'storm.cpuPerSpawn', 'Python Popen'],
      ['node', 'storm.cpuPerSpawn.node', 'Node spawn'],
    ] as const
  ).map(([id, over, name]) =>
    metric({
      id: `storm.cpuPerSpawn.over.${id}`,
      source: 'storm.cpuPerSpawn',
      over,
      overSubject: 'floor',
      label: `${STORM}: CPU per spawn ÷ the ${name} floor's`,
      unit: '×',
      decimals: 2,
      compare: false,
    }),
  ),
  metric({
    id: 'storm.fd.min',
    label: `${STORM}: open fds after the first 10 s, min`,
    unit: 'fds',
    decimals: 0,
  }),
  metric({
    id: 'storm.fd.max',
    label: `${STORM}: open fds after the first 10 s, max`,
    unit: 'fds',
    decimals: 0,
    quoted: '146 / –',
  }),
  metric({ id: 'storm.rss.warm', label: `${STORM}: RSS at 10 s`, unit: 'MiB', decimals: 1 }),
  metric({ id: 'storm.rss.end', label: `${STORM}: RSS at the end`, unit: 'MiB', decimals: 1 }),
  metric({
    id: 'storm.rss.growth',
    source: 'storm.rss.end',
    over: 'storm.rss.warm',
    label: `${STORM}: RSS at the end ÷ at 10 s (1 = flat)`,
    unit: '×',
    decimals: 2,
    compare: false,
    target: le(1.2),
  }),
  ...probeRows('storm', 'during the storm', 'storm: getState p99'),
  metric({
    id: 'storm.sigterm',
    label: `${STORM}: SIGTERM → daemon exit`,
    unit: 's',
    decimals: 2,
    target: le(2),
    quoted: '~2 / –',
    ceiling: { value: 10, text: '> 10 (killed)' },
  }),
];

const MASS = '1000 processes (numprocs, startsecs=1)';

/** RPC during a mass spawn (issue 9, item 2). */
const spawnLatencyRows = (): MetricDef[] => [
  metric({
    id: 'spawnlat.firstAnswer',
    label: `${MASS}: launch → first getState answered`,
    unit: 's',
    decimals: 2,
  }),
  metric({
    id: 'spawnlat.spawned',
    label: `${MASS}: launch → all spawned (the daemon's log)`,
    unit: 's',
    decimals: 2,
  }),
  metric({
    id: 'spawnlat.running',
    label: `${MASS}: launch → all RUNNING`,
    unit: 's',
    decimals: 2,
  }),
  ...(['p50', 'max'] as const).map((p) =>
    metric({
      id: `spawnlat.late.${p}`,
      source: 'spawnlat.late',
      aggregate: p,
      label: `${MASS}: RUNNING later than spawned + startsecs, ${p}`,
      unit: 'ms',
      decimals: 0,
    }),
  ),
  ...probeRows('spawnlat', `while ${MASS} spawn`, 'getState p99, 1000 spawning'),
];

export const METRICS: readonly MetricDef[] = [
  metric({
    id: 'spawn200',
    label: 'spawn 200 → all RUNNING',
    unit: 's',
    decimals: 3,
    target: le(0.4),
    quoted: '1.6 / 3.6',
    chart: true,
  }),
  metric({
    id: 'restart.p50',
    source: 'restart',
    aggregate: 'p50',
    label: 'restart after SIGKILL, p50',
    unit: 'ms',
    decimals: 1,
    target: le(5),
    quoted: '1011 / 10',
    chart: true,
  }),
  metric({
    id: 'restart.p95',
    source: 'restart',
    aggregate: 'p95',
    label: 'restart after SIGKILL, p95',
    unit: 'ms',
    decimals: 1,
    target: le(8),
    quoted: '1013 / 12.5',
  }),
  ...eventsRows(),
  metric({
    id: 'log.mibps',
    label: '256 MiB output → rotating logs',
    chartLabel: '256 MiB → rotating logs',
    unit: 'MiB/s',
    better: 'higher',
    decimals: 0,
    target: { op: '>=', value: 600 },
    quoted: '569 / 122',
    chart: true,
  }),
  metric({
    id: 'log.lost',
    aggregate: 'max',
    label: 'bytes lost of 256 MiB (worst run)',
    unit: 'bytes',
    decimals: 0,
    target: le(0),
    quoted: '0 / lossy',
  }),
  metric({
    id: 'log.cpu100',
    label: 'daemon CPU per 100 MiB logged',
    unit: 's',
    decimals: 3,
    target: le(0.15),
    quoted: '0.125 / 0.87',
    chart: true,
  }),
  metric({
    id: 'log.stamped.mibps',
    label: '256 MiB output → rotating logs, log_format=timestamped (ours only)',
    unit: 'MiB/s',
    better: 'higher',
    decimals: 0,
  }),
  metric({
    id: 'log.stamped.lost',
    aggregate: 'max',
    label: 'bytes lost with log_format=timestamped (worst run)',
    unit: 'bytes',
    decimals: 0,
    target: le(0),
  }),
  metric({
    id: 'log.stamped.cpu100',
    label: 'daemon CPU per 100 MiB logged, log_format=timestamped',
    unit: 's',
    decimals: 3,
  }),
  ...[125, 250, 500, 1000].map(listRow),
  metric({
    id: 'list.growth',
    source: 'list',
    aggregate: 'growth',
    label: 'getAllProcessInfo growth exponent, through the client (1 = linear)',
    unit: '',
    decimals: 2,
  }),
  ...[125, 250, 500, 1000].map(rawRow),
  metric({
    id: 'raw.growth',
    source: 'raw',
    aggregate: 'growth',
    label: 'getAllProcessInfo growth exponent, daemon only (1 = linear)',
    unit: '',
    decimals: 2,
    target: le(1.2),
    quoted: 'quadratic / –',
  }),
  ...[125, 250, 500, 1000].map(ctlRow),
  metric({
    id: 'ctl.growth',
    source: 'ctl',
    aggregate: 'growth',
    label: 'ctl status growth exponent',
    unit: '',
    decimals: 2,
  }),
  metric({ id: 'jlist.1000', label: '`pm2 jlist` @1000 (PM2 only)', unit: 's', decimals: 3 }),
  metric({
    id: 'stop200',
    label: 'stop 200 running programs',
    unit: 's',
    decimals: 3,
    target: le(0.1),
    quoted: '0.07–1.07 / 12.5',
    chart: true,
  }),
  metric({
    id: 'rss0',
    label: 'daemon RSS, no programs (floor: a minimal Node daemon)',
    chartLabel: 'daemon RSS, no programs',
    unit: 'MiB',
    decimals: 1,
    target: le(45),
    quoted: '30 / 57',
    chart: true,
  }),
  metric({
    id: 'rss0.node',
    label: 'RSS of a bare idle `node -e` process (floor only)',
    unit: 'MiB',
    decimals: 1,
    compare: false,
  }),
  metric({ id: 'rss100', label: 'daemon RSS, 100 programs', unit: 'MiB', decimals: 1 }),
  metric({
    id: 'rss1000.fresh',
    label: 'daemon RSS, 1000 programs, 1 s after all RUNNING',
    unit: 'MiB',
    decimals: 1,
  }),
  metric({
    id: 'rss1000',
    label: 'daemon RSS, 1000 programs, after the status calls',
    chartLabel: 'daemon RSS, 1000 programs',
    unit: 'MiB',
    decimals: 1,
    target: le(70),
    quoted: '47.5 / 159',
    chart: true,
  }),
  metric({
    id: 'idle100',
    label: 'daemon CPU idle, 100 programs, per 20 s (60 s window)',
    chartLabel: 'idle CPU, 100 programs, 20 s',
    unit: 's',
    decimals: 3,
    target: le(0.02),
    quoted: '0.02 / 0.04',
    chart: true,
  }),
  metric({
    id: 'webui.closed.idle',
    label: 'daemon CPU idle, 100 programs, per 20 s, no web page open (the web UI run)',
    unit: 's',
    decimals: 3,
  }),
  metric({
    id: 'webui.open.idle',
    label: 'the same daemon with the live web UI open and idle (long-poll, figures every 5 s)',
    unit: 's',
    decimals: 3,
  }),
  metric({
    id: 'webui.closed.rss',
    label: 'daemon RSS, 100 programs, no web page open (the web UI run)',
    unit: 'MiB',
    decimals: 1,
  }),
  metric({
    id: 'webui.open.rss',
    label: 'the same daemon after a window with the live web UI open',
    unit: 'MiB',
    decimals: 1,
  }),
  ...stormRows(),
  ...spawnLatencyRows(),
  metric({
    id: 'probes.ready',
    label:
      'launch → 1000 processes ready (an http readiness probe each, every 1 s until it passes)',
    unit: 's',
    decimals: 2,
  }),
  metric({
    id: 'probes.cpu',
    label:
      'daemon CPU per second, 1000 RUNNING processes with an http liveness probe every 1 s (floor: a bare Node loop sending the same GETs)',
    chartLabel: 'CPU/s, 1000 http probes/s',
    unit: 's',
    decimals: 3,
  }),
  metric({
    id: 'probes.rate',
    label: 'probes answered per second in that window (1000 asked)',
    unit: '/s',
    better: 'higher',
    decimals: 0,
    compare: false,
  }),
  metric({
    id: 'probes.base',
    label:
      'daemon CPU per second, the same 1000 processes without probes (supervisord ignores the probe keys)',
    unit: 's',
    decimals: 3,
  }),
  metric({
    id: 'dash.own',
    label: 'an open dashboard (ours, 100 programs): its own CPU per 20 s',
    unit: 's',
    decimals: 3,
  }),
  metric({
    id: 'dash.daemon',
    label: 'an open dashboard (ours, 100 programs): the daemon’s extra CPU per 20 s',
    unit: 's',
    decimals: 3,
  }),
  metric({
    id: 'dash.fleet.own',
    label: 'an open dashboard on a fleet of 3 daemons (100 programs each): its own CPU per 20 s',
    unit: 's',
    decimals: 3,
  }),
  metric({
    id: 'dash.fleet.daemon',
    label:
      'an open dashboard on a fleet of 3 daemons (100 programs each): the 3 daemons’ extra CPU per 20 s, together',
    unit: 's',
    decimals: 3,
  }),
];
