// `npm run bench:triggers`: what restart triggers cost an idle daemon. tssupervisord supervises
// 100 idle programs (`sleep 3600`) three ways — no triggers; each with watch= on its own tree
// (10 directories × 10 files) and restart_on_cron; the same plus restart_on_memory (the daemon
// then samples every process tree once a second) — and the daemon's CPU is measured over a
// window once it has settled. Prints figures; never fails on timing (DESIGN.md: benchmarks).

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { sleep } from './clock.js';
import { cpuSeconds, rssMiB } from './proc/proc-stats.js';

const PROGRAMS = 100;
const TREE_DIRS = 10;
const FILES_PER_DIR = 10;
const SETTLE_MS = 10_000;
const WINDOW_MS = Number(process.env['TRIGGERS_WINDOW_MS'] ?? 30_000);

interface Variant {
  readonly id: string;
  readonly title: string;
  readonly options: (dir: string, n: number) => string;
}

const VARIANTS: readonly Variant[] = [
  { id: 'none', title: 'no triggers', options: () => '' },
  {
    id: 'watch+cron',
    title: `watch= (${TREE_DIRS} dirs × ${FILES_PER_DIR} files each) + restart_on_cron`,
    options: (dir, n) =>
      `watch=${join(dir, 'trees', `t${n}`)}\nwatch_ignore=*.pyc\nrestart_on_cron=0 4 * * *\n`,
  },
  {
    id: 'watch+cron+memory',
    title: 'the same + restart_on_memory (a tree sample every second)',
    options: (dir, n) =>
      `watch=${join(dir, 'trees', `t${n}`)}\nwatch_ignore=*.pyc\nrestart_on_cron=0 4 * * *\nrestart_on_memory=1GB\n`,
  },
];

const repoRoot = (): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (; dir !== dirname(dir); dir = dirname(dir)) {
    try {
      if (readFileSync(join(dir, 'package.json'), 'utf8').includes('"name": "tssupervisor"')) {
        return dir;
      }
    } catch {
      // not here
    }
  }
  throw new Error('no tssupervisor package.json above the bench');
};

const writeTrees = (dir: string): void => {
  for (let n = 0; n < PROGRAMS; n++) {
    for (let d = 0; d < TREE_DIRS; d++) {
      const sub = join(dir, 'trees', `t${n}`, `d${d}`);
      mkdirSync(sub, { recursive: true });
      for (let f = 0; f < FILES_PER_DIR; f++) {
        writeFileSync(join(sub, `f${f}.py`), 'x\n');
      }
    }
  }
};

const configFor = (dir: string, variant: Variant): string => {
  const programs = Array.from(
    { length: PROGRAMS },
    (_, n) => `
[program:p${n}]
command=sleep 3600
startsecs=0
stdout_logfile=NONE
stderr_logfile=NONE
${variant.options(dir, n)}`,
  ).join('');
  return `[supervisord]
logfile=${dir}/supervisord.log
pidfile=${dir}/supervisord.pid
childlogdir=${dir}

[unix_http_server]
file=${dir}/s.sock

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

[supervisorctl]
serverurl=unix://${dir}/s.sock
${programs}`;
};

const running = (root: string, config: string): number => {
  const out = spawnSync(
    process.execPath,
    [join(root, 'bin/tssupervisorctl'), '-c', config, 'status'],
    {
      encoding: 'utf8',
    },
  );
  return (out.stdout.match(/\bRUNNING\b/g) ?? []).length;
};

const measure = async (root: string, base: string, variant: Variant) => {
  const dir = join(base, variant.id);
  mkdirSync(dir);
  const config = join(dir, 'supervisord.conf');
  writeFileSync(config, configFor(base, variant));
  const daemon = spawn(process.execPath, [join(root, 'bin/tssupervisord'), '-n', '-c', config], {
    stdio: 'ignore',
  });
  const pid = daemon.pid ?? 0;
  try {
    const deadline = Date.now() + 60_000;
    while (running(root, config) < PROGRAMS) {
      if (Date.now() > deadline) {
        throw new Error(`${variant.id}: the programs did not all reach RUNNING`);
      }
      await sleep(200);
    }
    await sleep(SETTLE_MS);
    const before = cpuSeconds(pid);
    await sleep(WINDOW_MS);
    const after = cpuSeconds(pid);
    return {
      cpuPerMinute:
        before === null || after === null ? NaN : ((after - before) * 60_000) / WINDOW_MS,
      rss: rssMiB(pid) ?? NaN,
    };
  } finally {
    daemon.kill('SIGTERM');
    await new Promise((resolve) => daemon.once('exit', resolve));
  }
};

const main = async (): Promise<void> => {
  const root = repoRoot();
  const base = mkdtempSync(join(tmpdir(), 'tss-trig-'));
  try {
    writeTrees(base);
    process.stdout.write(
      `${PROGRAMS} idle programs, daemon CPU over ${WINDOW_MS / 1000} s after ${SETTLE_MS / 1000} s settling\n`,
    );
    for (const variant of VARIANTS) {
      const { cpuPerMinute, rss } = await measure(root, base, variant);
      process.stdout.write(
        `${variant.id.padEnd(18)} ${cpuPerMinute.toFixed(3)} CPU s/min  RSS ${rss.toFixed(0)} MiB   ${variant.title}\n`,
      );
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
};

await main();
