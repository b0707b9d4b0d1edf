// Standalone measurement (issue 11): what one GET /metrics costs the daemon with 1,000 processes.
// Starts the built daemon on 1,000 `sleep`s with AUTO logs and basic auth, waits for /readyz, then
// scrapes: each scrape 1.1 s after the last (a fresh /proc scan each time, as Prometheus at any
// interval of a second or more sees it) and back to back (the sampler's once-a-second figures
// reused). Per scrape: the time to the whole answer and the daemon's CPU (all its threads, from
// schedstat). Then the pure part alone, in this process: families and encoding of 1,000 processes.
//
//   npm run build && npx tsc -p tsconfig.bench.json &&
//     node node_modules/.cache/tssupervisor-bench/bench/metrics-scrape.js [processes] [scrapes]

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { encodeExposition } from '../src/rpc/metrics/exposition.js';
import { metricFamilies, type MetricsSnapshot } from '../src/rpc/metrics/families.js';
import { cpuSeconds } from './proc/proc-stats.js';
import { percentile } from './stats.js';

/** Run from the repository root, as the command above does. */
const repoRoot = process.cwd();
if (!existsSync(join(repoRoot, 'bin/tssupervisord'))) {
  throw new Error('run this from the repository root (no bin/tssupervisord here)');
}
const processes = Number(process.argv[2] ?? 1000);
const scrapes = Number(process.argv[3] ?? 20);
const AUTH = `Basic ${Buffer.from('admin:secret').toString('base64')}`;

const get = (
  socketPath: string,
  path: string,
): Promise<{ status: number; body: string; ms: number }> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(
      { socketPath, path, agent: false, headers: { Authorization: AUTH } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - started }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const summary = (label: string, values: readonly number[], unit: string): string =>
  `${label}: p50 ${percentile(values, 50).toFixed(1)} ${unit}, p90 ${percentile(values, 90).toFixed(1)} ${unit}, max ${Math.max(...values).toFixed(1)} ${unit}`;

const scrapeSeries = async (
  socketPath: string,
  daemonPid: number,
  gapMs: number,
): Promise<{ ms: number[]; cpuMs: number[]; bytes: number }> => {
  const ms: number[] = [];
  const cpuMs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < scrapes; i++) {
    await sleep(gapMs);
    const before = cpuSeconds(daemonPid) ?? 0;
    const answer = await get(socketPath, '/metrics');
    const after = cpuSeconds(daemonPid) ?? 0;
    if (answer.status !== 200) {
      throw new Error(`/metrics answered ${answer.status}`);
    }
    ms.push(answer.ms);
    cpuMs.push((after - before) * 1000);
    bytes = Buffer.byteLength(answer.body);
  }
  return { ms, cpuMs, bytes };
};

const pureEncoding = (): number[] => {
  const snapshot: MetricsSnapshot = {
    nowSec: 1_800_000_000,
    version: '0.1.0',
    mood: 'RUNNING',
    daemon: { cpuSeconds: 12.5, rssBytes: 90_000_000, startTimeSec: 1_799_999_000 },
    processes: Array.from({ length: processes }, (_, i) => ({
      name: `worker_${i}`,
      group: 'worker',
      state: 'RUNNING' as const,
      startedAtSec: 1_799_999_100,
      exitStatus: 0,
      readiness: 'none' as const,
      liveness: 'none' as const,
      probeFailures: 0,
      restarts: i % 3,
      usage: { cpuPercent: 0.1, rssBytes: 1_003_520, processCount: 1, cpuSeconds: 0.02 },
      logs: [
        { channel: 'stdout' as const, writtenBytes: 1234, droppedBytes: 0 },
        { channel: 'stderr' as const, writtenBytes: 0, droppedBytes: 0 },
      ],
    })),
    eventPools: [],
  };
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    encodeExposition(metricFamilies(snapshot));
    times.push(performance.now() - started);
  }
  return times.slice(5);
};

const main = async (): Promise<void> => {
  const dir = mkdtempSync(join(tmpdir(), 'tss-metrics-'));
  const socketPath = join(dir, 's.sock');
  writeFileSync(
    join(dir, 'supervisord.conf'),
    `[supervisord]
logfile=%(here)s/supervisord.log
pidfile=%(here)s/supervisord.pid
childlogdir=%(here)s
minfds=8192

[unix_http_server]
file=%(here)s/s.sock
username=admin
password=secret

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

[program:worker]
command=sleep 100000
process_name=%(program_name)s_%(process_num)d
numprocs=${processes}
startsecs=0
`,
  );
  const daemon = spawn(
    process.execPath,
    [join(repoRoot, 'bin/tssupervisord'), '-n', '-c', join(dir, 'supervisord.conf')],
    { cwd: dir, stdio: 'ignore' },
  );
  const daemonPid = daemon.pid ?? 0;
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const ready = await get(socketPath, '/readyz').catch(() => null);
      if (ready?.status === 200) {
        break;
      }
      if (Date.now() > deadline) {
        throw new Error('the daemon did not get ready in 120 s');
      }
      await sleep(200);
    }
    await sleep(3000);
    const fresh = await scrapeSeries(socketPath, daemonPid, 1100);
    const cached = await scrapeSeries(socketPath, daemonPid, 0);
    const encode = pureEncoding();
    const lines = [
      `${processes} processes, ${scrapes} scrapes each; answer ${(fresh.bytes / 1024).toFixed(0)} KiB`,
      summary('fresh sample (1.1 s apart), time to answer', fresh.ms, 'ms'),
      summary('fresh sample (1.1 s apart), daemon CPU', fresh.cpuMs, 'ms'),
      summary('cached sample (back to back), time to answer', cached.ms, 'ms'),
      summary('cached sample (back to back), daemon CPU', cached.cpuMs, 'ms'),
      summary('families + encoding alone (this process)', encode, 'ms'),
    ];
    console.log(lines.join('\n'));
  } finally {
    daemon.kill('SIGTERM');
    await new Promise((resolve) => daemon.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
};

await main();
