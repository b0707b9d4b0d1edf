// GET /metrics on a real daemon: behind the listener's basic auth, parsed by Prometheus' own
// client library, with the families dashboards use and values that follow the processes (an exit,
// a restart after SIGKILL, a tree's CPU and memory, log bytes).

import { afterEach, describe, expect, it } from 'vitest';

import {
  killDaemon,
  PROGRAMS,
  startDaemon,
  type RunningDaemon,
} from '../helpers/daemon-harness.js';
import { httpGet } from '../helpers/http-get.js';
import { parseExposition, type ParsedSample } from '../helpers/prometheus-parse.js';
import { waitFor } from '../helpers/wait-for.js';

const CREDENTIALS = { username: 'admin', password: 'sécret' };

const CONFIG = `[supervisord]
logfile=%(here)s/supervisord.log
pidfile=%(here)s/supervisord.pid
childlogdir=%(here)s

[unix_http_server]
file=%(here)s/supervisor.sock
username=admin
password=sécret

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

[program:sleeper]
command=node ${PROGRAMS}/forever.mjs
startsecs=0

[program:crasher]
command=node ${PROGRAMS}/exit-with.mjs 3 0 hello
startsecs=0
autorestart=false

[program:pool]
command=node ${PROGRAMS}/forever.mjs
process_name=%(program_name)s_%(process_num)d
numprocs=2
startsecs=0
redirect_stderr=true

[program:idle]
command=node ${PROGRAMS}/forever.mjs
autostart=false
`;

let daemon: RunningDaemon | undefined;
afterEach(async () => {
  await killDaemon(daemon);
  daemon = undefined;
});

const socketOf = (d: RunningDaemon) => ({ socketPath: d.dir.join('supervisor.sock') });

const scrape = async (d: RunningDaemon): Promise<ParsedSample[]> => {
  const answer = await httpGet(socketOf(d), '/metrics', CREDENTIALS);
  expect(answer.status).toBe(200);
  return (await parseExposition(answer.body)).flatMap((f) => f.samples);
};

/** The parser names every counter's samples `…_total`, node_exporter's start time included. */
const valueOf = (
  samples: readonly ParsedSample[],
  name: string,
  labels: Record<string, string>,
): number | undefined =>
  samples.find(
    (s) =>
      (s.name === name || s.name === `${name}_total`) &&
      Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  )?.value;

const started = async (): Promise<RunningDaemon> => {
  const d = startDaemon(CONFIG);
  daemon = d;
  await waitFor(
    async () => {
      const samples = await scrape(d);
      return (
        valueOf(samples, 'node_supervisord_state', { name: 'sleeper' }) === 20 &&
        valueOf(samples, 'node_supervisord_state', { name: 'crasher' }) === 100 &&
        valueOf(samples, 'node_supervisord_state', { name: 'pool_1' }) === 20
      );
    },
    { what: 'sleeper and the pool RUNNING, crasher EXITED' },
  );
  return d;
};

describe('GET /metrics', () => {
  it('answers only with the listener’s credentials, in the 0.0.4 text format', async () => {
    const d = await started();
    for (const credentials of [undefined, { username: 'admin', password: 'wrong' }]) {
      const refused = await httpGet(socketOf(d), '/metrics', credentials);
      expect(refused.status).toBe(401);
      expect(refused.body).not.toContain('supervisord');
    }
    const answer = await httpGet(socketOf(d), '/metrics', CREDENTIALS);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    const families = new Map((await parseExposition(answer.body)).map((f) => [f.name, f]));
    for (const [name, type] of [
      ['node_supervisord_up', 'gauge'],
      ['node_supervisord_state', 'gauge'],
      ['node_supervisord_exit_status', 'gauge'],
      ['node_supervisord_start_time_seconds', 'counter'],
      ['supervisor_process_info', 'gauge'],
      ['supervisor_process_uptime', 'gauge'],
      ['supervisord_up', 'gauge'],
      ['tssupervisor_process_ready', 'gauge'],
      ['tssupervisor_process_restarts', 'counter'],
      ['tssupervisor_process_cpu_seconds', 'counter'],
      ['tssupervisor_process_resident_memory_bytes', 'gauge'],
      ['tssupervisor_log_written_bytes', 'counter'],
      ['tssupervisor_events_discarded', 'counter'],
      ['process_cpu_seconds', 'counter'],
    ]) {
      expect(families.get(name ?? '')?.type, name).toBe(type);
    }
  });

  it('reports states, exits, trees and logs as the processes have them', async () => {
    const d = await started();
    const samples = await scrape(d);
    const sleeper = { name: 'sleeper', group: 'sleeper' };
    const crasher = { name: 'crasher', group: 'crasher' };
    expect(valueOf(samples, 'supervisord_up', {})).toBe(1);
    expect(valueOf(samples, 'node_supervisord_up', sleeper)).toBe(1);
    expect(valueOf(samples, 'node_supervisord_up', crasher)).toBe(0);
    expect(valueOf(samples, 'node_supervisord_exit_status', crasher)).toBe(3);
    expect(valueOf(samples, 'node_supervisord_start_time_seconds', crasher)).toBeUndefined();
    expect(valueOf(samples, 'node_supervisord_state', { name: 'idle' })).toBe(0);
    expect(
      valueOf(samples, 'supervisor_process_info', {
        ...crasher,
        state: 'EXITED',
        exit_status: '3',
      }),
    ).toBe(0);
    expect(valueOf(samples, 'supervisor_process_info', { ...sleeper, state: 'RUNNING' })).toBe(1);
    expect(valueOf(samples, 'tssupervisor_process_ready', { name: 'pool_0', group: 'pool' })).toBe(
      1,
    );
    expect(valueOf(samples, 'tssupervisor_process_resident_memory_bytes', sleeper)).toBeGreaterThan(
      1_000_000,
    );
    expect(valueOf(samples, 'tssupervisor_process_tree_processes', sleeper)).toBe(1);
    // A tree is measured at most once a second: the first figures may predate any CPU use.
    await waitFor(
      async () =>
        (valueOf(await scrape(d), 'tssupervisor_process_cpu_seconds_total', sleeper) ?? 0) > 0,
      { what: 'the sleeper’s CPU seconds to grow' },
    );
    // "hello out\n" to stdout, "hello err\n" to stderr; the pool's stderr goes to its stdout log.
    expect(
      valueOf(samples, 'tssupervisor_log_written_bytes_total', { ...crasher, channel: 'stdout' }),
    ).toBe(10);
    expect(
      valueOf(samples, 'tssupervisor_log_written_bytes_total', { ...crasher, channel: 'stderr' }),
    ).toBe(10);
    expect(
      samples.filter(
        (s) => s.name === 'tssupervisor_log_written_bytes_total' && s.labels['group'] === 'pool',
      ),
    ).toHaveLength(2);
    // No pid, no time in any label.
    for (const s of samples) {
      expect(Object.keys(s.labels).filter((k) => /pid|time|uptime/.test(k))).toEqual([]);
    }
  });

  it('counts a restart after SIGKILL, and starts the uptime over', async () => {
    const d = await started();
    const sleeper = { name: 'sleeper', group: 'sleeper' };
    const before = await scrape(d);
    expect(valueOf(before, 'tssupervisor_process_restarts_total', sleeper)).toBe(0);
    const pid = Number(/spawned: 'sleeper' with pid (\d+)/.exec(d.mainLog())?.[1]);
    const startedAt = valueOf(before, 'node_supervisord_start_time_seconds', sleeper) ?? 0;
    // The start time has a resolution of a second: let the restart land in a later one.
    await waitFor(() => Date.now() / 1000 >= startedAt + 1.05, { timeoutMs: 3000 });
    process.kill(pid, 'SIGKILL');
    const after = await waitFor(
      async () => {
        const samples = await scrape(d);
        return valueOf(samples, 'tssupervisor_process_restarts_total', sleeper) === 1 && samples;
      },
      { what: 'the restart to be counted' },
    );
    expect(valueOf(after, 'node_supervisord_start_time_seconds', sleeper)).toBeGreaterThan(
      startedAt,
    );
    expect(valueOf(after, 'supervisor_process_uptime', sleeper)).toBeLessThanOrEqual(2);
  });
});
