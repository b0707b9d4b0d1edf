// Takes the snapshot GET /metrics reports: every process's facts and health from the engine, its
// tree's CPU and memory from the shared stats sampler (at most one /proc scan a second, whoever
// asks), its restarts, its log counters, the event pools' discards and the daemon's own usage.

import type { SupervisedProcess } from '../../engine/process.js';
import type { Supervisor } from '../../engine/supervisor.js';
import type { ChangeFeed } from '../methods/tssupervisor-change-feed.js';
import type { StatsSampler, TreeUsages } from '../methods/tssupervisor-stats-sampler.js';
import type { DaemonUsage } from '../../ports/process-stats.js';
import type { LogCounters, MetricsSnapshot, ProcessSnapshot } from './families.js';

export interface MetricsSources {
  readonly engine: Pick<Supervisor, 'mood' | 'allProcesses'>;
  readonly sampler: StatsSampler;
  readonly feed: Pick<ChangeFeed, 'restarts'>;
  /** the channels of a process that have a log file, with their counters */
  readonly logCounters: (process: SupervisedProcess) => readonly LogCounters[];
  readonly eventPools: () => MetricsSnapshot['eventPools'];
  readonly daemonUsage: () => DaemonUsage;
  /** our version */
  readonly version: string;
  /** epoch ms */
  readonly wallMs: () => number;
}

export const takeMetricsSnapshot = async (sources: MetricsSources): Promise<MetricsSnapshot> => {
  const { engine, sampler, feed } = sources;
  const pids = engine
    .allProcesses()
    .map((p) => p.pid)
    .filter((pid) => pid !== 0);
  const usages: TreeUsages = pids.length === 0 ? new Map() : await sampler.usage(pids);
  // Processes may have come or gone while the sample was taken: report them as they are now.
  const processes = engine.allProcesses().map((process): ProcessSnapshot => {
    const info = process.info();
    const health = process.health();
    return {
      name: info.name,
      group: info.group,
      state: info.state,
      startedAtSec: info.startedAtSec,
      exitStatus: info.exitStatus,
      readiness: health.readiness,
      liveness: health.liveness,
      probeFailures: health.probeFailures,
      restarts: feed.restarts(info.group, info.name),
      usage: info.pid === 0 ? undefined : usages.get(info.pid),
      logs: sources.logCounters(process),
    };
  });
  return {
    nowSec: Math.floor(sources.wallMs() / 1000),
    version: sources.version,
    mood: engine.mood,
    daemon: sources.daemonUsage(),
    processes,
    eventPools: sources.eventPools(),
  };
};
