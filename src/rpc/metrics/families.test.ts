import { describe, expect, it } from 'vitest';

import { encodeExposition } from './exposition.js';
import { metricFamilies, type MetricsSnapshot, type ProcessSnapshot } from './families.js';

const proc = (over: Partial<ProcessSnapshot>): ProcessSnapshot => ({
  name: 'web',
  group: 'web',
  state: 'RUNNING',
  startedAtSec: 1_000,
  exitStatus: 0,
  readiness: 'none',
  liveness: 'none',
  probeFailures: 0,
  restarts: 0,
  usage: undefined,
  logs: [],
  ...over,
});

const snapshot = (over: Partial<MetricsSnapshot> = {}): MetricsSnapshot => ({
  nowSec: 1_060,
  version: '0.1.0',
  mood: 'RUNNING',
  daemon: { cpuSeconds: 1.5, rssBytes: 50_000_000, startTimeSec: 900 },
  processes: [
    proc({
      restarts: 2,
      usage: { cpuPercent: 3, rssBytes: 20_480, processCount: 3, cpuSeconds: 12.5 },
      logs: [
        { channel: 'stdout', writtenBytes: 100, droppedBytes: 0 },
        { channel: 'stderr', writtenBytes: 7, droppedBytes: 3 },
      ],
    }),
    proc({ name: 'job_0', group: 'jobs', state: 'EXITED', exitStatus: 3, startedAtSec: 1_010 }),
    proc({
      name: 'api',
      group: 'api',
      state: 'STARTING',
      readiness: 'pending',
      probeFailures: 4,
      startedAtSec: 1_050,
    }),
  ],
  eventPools: [{ pool: 'alerts', discarded: 5 }],
  ...over,
});

const linesOf = (s: MetricsSnapshot): string[] => encodeExposition(metricFamilies(s)).split('\n');

const samplesOf = (lines: string[], family: string): string[] =>
  lines.filter((l) => l.startsWith(`${family}{`) || l.startsWith(`${family} `));

describe('the metric families', () => {
  const lines = linesOf(snapshot());

  it("has node_exporter's supervisord collector families, with its meanings", () => {
    expect(samplesOf(lines, 'node_supervisord_up')).toEqual([
      'node_supervisord_up{name="web",group="web"} 1',
      'node_supervisord_up{name="job_0",group="jobs"} 0',
      'node_supervisord_up{name="api",group="api"} 1',
    ]);
    expect(samplesOf(lines, 'node_supervisord_state')).toEqual([
      'node_supervisord_state{name="web",group="web"} 20',
      'node_supervisord_state{name="job_0",group="jobs"} 100',
      'node_supervisord_state{name="api",group="api"} 10',
    ]);
    expect(samplesOf(lines, 'node_supervisord_exit_status')).toContain(
      'node_supervisord_exit_status{name="job_0",group="jobs"} 3',
    );
    // Only while up, as a counter: the collector's choices.
    expect(samplesOf(lines, 'node_supervisord_start_time_seconds')).toEqual([
      'node_supervisord_start_time_seconds{name="web",group="web"} 1000',
      'node_supervisord_start_time_seconds{name="api",group="api"} 1050',
    ]);
    expect(lines).toContain('# TYPE node_supervisord_start_time_seconds counter');
  });

  it("has the supervisord_exporter's families", () => {
    expect(samplesOf(lines, 'supervisord_up')).toEqual(['supervisord_up 1']);
    expect(samplesOf(lines, 'supervisor_process_info')).toEqual([
      'supervisor_process_info{name="web",group="web",state="RUNNING",exit_status="0"} 1',
      'supervisor_process_info{name="job_0",group="jobs",state="EXITED",exit_status="3"} 0',
      'supervisor_process_info{name="api",group="api",state="STARTING",exit_status="0"} 0',
    ]);
    // Only while RUNNING: its resets count restarts.
    expect(samplesOf(lines, 'supervisor_process_uptime')).toEqual([
      'supervisor_process_uptime{name="web",group="web"} 60',
    ]);
  });

  it('has ours: readiness, probes, restarts, the tree, logs and events', () => {
    expect(samplesOf(lines, 'tssupervisor_process_ready')).toEqual([
      'tssupervisor_process_ready{name="web",group="web"} 1',
      'tssupervisor_process_ready{name="job_0",group="jobs"} 0',
      'tssupervisor_process_ready{name="api",group="api"} 0',
    ]);
    expect(samplesOf(lines, 'tssupervisor_process_probe_failures')).toEqual([
      'tssupervisor_process_probe_failures{name="api",group="api"} 4',
    ]);
    expect(samplesOf(lines, 'tssupervisor_process_restarts_total')).toContain(
      'tssupervisor_process_restarts_total{name="web",group="web"} 2',
    );
    expect(samplesOf(lines, 'tssupervisor_process_cpu_seconds_total')).toEqual([
      'tssupervisor_process_cpu_seconds_total{name="web",group="web"} 12.5',
    ]);
    expect(samplesOf(lines, 'tssupervisor_process_resident_memory_bytes')).toEqual([
      'tssupervisor_process_resident_memory_bytes{name="web",group="web"} 20480',
    ]);
    expect(samplesOf(lines, 'tssupervisor_process_tree_processes')).toEqual([
      'tssupervisor_process_tree_processes{name="web",group="web"} 3',
    ]);
    expect(samplesOf(lines, 'tssupervisor_log_written_bytes_total')).toEqual([
      'tssupervisor_log_written_bytes_total{name="web",group="web",channel="stdout"} 100',
      'tssupervisor_log_written_bytes_total{name="web",group="web",channel="stderr"} 7',
    ]);
    expect(samplesOf(lines, 'tssupervisor_log_dropped_bytes_total')).toContain(
      'tssupervisor_log_dropped_bytes_total{name="web",group="web",channel="stderr"} 3',
    );
    expect(samplesOf(lines, 'tssupervisor_events_discarded_total')).toEqual([
      'tssupervisor_events_discarded_total{pool="alerts"} 5',
    ]);
  });

  it('has the daemon itself', () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        'tssupervisord_info{version="0.1.0",supervisor_version="4.2.5"} 1',
        'tssupervisord_state 1',
        'process_cpu_seconds_total 1.5',
        'process_resident_memory_bytes 50000000',
        'process_start_time_seconds 900',
      ]),
    );
    expect(linesOf(snapshot({ mood: 'SHUTDOWN' }))).toContain('tssupervisord_state -1');
  });

  it('puts no volatile value (pid, time, usage) in a label', () => {
    const labelNames = new Set(
      lines
        .filter((l) => !l.startsWith('#') && l.includes('{'))
        .flatMap((l) => [...(/\{(.*)\}/.exec(l)?.[1] ?? '').matchAll(/(\w+)="/g)].map((m) => m[1])),
    );
    expect([...labelNames].sort()).toEqual([
      'channel',
      'exit_status',
      'group',
      'name',
      'pool',
      'state',
      'supervisor_version',
      'version',
    ]);
  });

  it('escapes names that need it', () => {
    const odd = linesOf(snapshot({ processes: [proc({ name: 'we"b\\x', group: 'g\nh' })] }));
    expect(samplesOf(odd, 'node_supervisord_state')).toEqual([
      'node_supervisord_state{name="we\\"b\\\\x",group="g\\nh"} 20',
    ]);
  });
});
