// The rows of the report: what each metric is, its unit, which direction is better, the target
// the issue set for tssupervisord, and the figures the issue quoted for supervisord and PM2.

export type Aggregate = 'median' | 'p50' | 'p95' | 'max' | 'growth';

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
];
