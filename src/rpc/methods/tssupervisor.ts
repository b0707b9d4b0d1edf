// The tssupervisor.* family, our additions beside supervisord's API: a long-poll for process
// state changes, each process tree's CPU, memory and restarts (what the dashboard shows), and the
// rolling restart of a group.

import type { SupervisedProcess } from '../../engine/process.js';
import { encodeProcessHealth, type ProcessHealthStruct } from '../../protocol/process-health.js';
import { encodeProcessStats, type ProcessStatsStruct } from '../../protocol/process-stats.js';
import { defineMethod, type RpcMethod } from '../method-definition.js';
import { optional, param } from '../method-params.js';
import type { SupervisorFacade } from '../supervisor-facade.js';
import { statusStruct, unlessAborted } from './status-structs.js';
import { createChangeFeed, type ChangeFeed } from './tssupervisor-change-feed.js';
import {
  createStatsSampler,
  type StatsSampler,
  type TreeUsages,
} from './tssupervisor-stats-sampler.js';

export const DEFAULT_WAIT_MS = 20_000;
/** Below the 30 s deadline our clients give quick calls, so a wait never looks like a hang. */
export const MAX_WAIT_MS = 25_000;

const byName = <T>(items: readonly T[], key: (item: T) => string): T[] =>
  [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** What the methods share with GET /metrics: one change feed, one sampler (one scan a second). */
export interface ProcessObservers {
  readonly feed: ChangeFeed;
  readonly sampler: StatsSampler;
}

export const createProcessObservers = (facade: SupervisorFacade): ProcessObservers => ({
  feed: createChangeFeed(facade),
  sampler: createStatsSampler({
    stats: facade.processStats,
    monotonicMs: () => facade.monotonicMs(),
  }),
});

export const tssupervisorMethods = (
  facade: SupervisorFacade,
  { feed, sampler }: ProcessObservers,
): readonly RpcMethod[] => {
  /** Every process, ordered as getAllProcessInfo orders them. */
  const processes = (): SupervisedProcess[] =>
    byName(facade.engine.groups(), (g) => g.name).flatMap((group) =>
      byName(group.processes, (p) => p.config.name),
    );

  const statsStruct = (process: SupervisedProcess, usages: TreeUsages): ProcessStatsStruct => {
    const info = process.info();
    const usage = info.pid === 0 ? undefined : usages.get(info.pid);
    return encodeProcessStats(info, usage, feed.restarts(info.group, info.name));
  };

  const healthStruct = (process: SupervisedProcess): ProcessHealthStruct => {
    const info = process.info();
    return encodeProcessHealth({
      ...info,
      ...process.health(),
      dependsOn: process.config.dependsOn.map((d) => `${d.name}:${d.condition}`),
      reason: info.reason ?? null,
    });
  };

  return [
    defineMethod({
      name: 'tssupervisor.getProcessHealth',
      help: 'Readiness, liveness, depends_on and restart pacing of every process, ordered as getAllProcessInfo: readiness none|pending|ready|down, liveness none|ok|failing|down, the failures in a row of the probe now running, what of its depends_on it waits for, the seconds until a paced restart (-1: none), and the reason status shows.\n\n@return array result  structs {name, group, statename, readiness, liveness, probe_failures, waiting_for, restart_in, depends_on, reason}',
      params: [],
      returns: 'array',
      handler: () => processes().map(healthStruct),
    }),
    defineMethod({
      name: 'tssupervisor.rollingRestart',
      help: 'Restart the processes of a group one at a time, in priority order: each is stopped, started and waited for until RUNNING (with a readiness probe: until ready) before the next is touched, so a pool behind a load balancer never drops to zero. The first process that does not come back ends the roll; the others are left as they are.\n\n@param string name  the group name (`group`, `group:` or `group:*`)\n@return array result  status structs {name, group, status, description}, one per process tried, in order',
      params: [param.string('name')],
      returns: 'array',
      handler: async ([name], { signal }) => {
        const groupName = name.replace(/:\*?$/, '');
        const group = facade.engine.group(groupName);
        if (group === undefined) {
          return { fault: 'BAD_NAME', detail: name };
        }
        const results = await unlessAborted(
          facade.engine.rollingRestart(group, signal),
          signal,
          [],
        );
        return results.map(({ process, fault }) => statusStruct(process, fault));
      },
    }),
    defineMethod({
      name: 'tssupervisor.waitForStateChange',
      help: `Long-poll for changes: answers at once when \`token\` is not the current token, else when a process changes state, a group is added or removed, or \`timeout\` ms pass (default ${DEFAULT_WAIT_MS}, at most ${MAX_WAIT_MS}). Pass "" first, then the token of the previous answer; fetch getAllProcessInfo after each answer.\n\n@param string token  the token of the previous answer, or ""\n@param int timeout  how long to wait at most, in ms\n@return string token  the current token`,
      params: [param.string('token'), optional(param.int('timeout'), DEFAULT_WAIT_MS)],
      returns: 'string',
      handler: async ([token, timeoutMs], ctx) => {
        if (timeoutMs < 0 || timeoutMs > MAX_WAIT_MS) {
          return { fault: 'BAD_ARGUMENTS', detail: `timeout must be 0 to ${MAX_WAIT_MS} ms` };
        }
        if (token === feed.token()) {
          await feed.next(timeoutMs, ctx.signal);
        }
        return feed.token();
      },
    }),
    defineMethod({
      name: 'tssupervisor.getProcessStats',
      help: 'CPU and memory of every process, each counted with all its descendants, and its restarts in this run of the daemon, ordered as getAllProcessInfo. Measured when asked, at most once a second; cpu_percent is the average since the previous measurement (100 = one core).\n\n@return array result  structs {name, group, pid, sampled, cpu_percent, rss_kb, processes, restarts}',
      params: [],
      returns: 'array',
      handler: async () => {
        const all = processes();
        const pids = all.map((p) => p.info().pid).filter((pid) => pid !== 0);
        const usages = pids.length === 0 ? new Map() : await sampler.usage(pids);
        // Processes may have come or gone while the sample was taken: list them as they are now.
        return processes().map((p) => statsStruct(p, usages));
      },
    }),
  ];
};
