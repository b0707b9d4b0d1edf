// The floor for the cost of a spawn: the restart storm with no supervisor, just a loop that keeps
// SLOTS `sleep 0.05` children running, respawning each the moment it is reaped, each with three
// pipes (never read: the children write nothing) in its own session, as a supervisor gives
// them. Three loops: Python's subprocess.Popen, Python's os.posix_spawn (glibc's vfork-style
// clone) and Node's child_process.spawn (what any Node daemon pays at the least; it respawns
// from setImmediate, since respawning inside the exit callback hangs Node's loop). Each reports
// its own spawn count and CPU time once a second; the bench samples its fds and RSS.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { sleep, wallMs } from '../clock.js';
import { type ProcSample, startProcSampler } from '../proc/proc-sampler.js';
import { isAlive } from '../proc/proc-stats.js';
import { STORM_ARGV } from '../subjects/workload-spec.js';

export type SpawnFloorMode = 'popen' | 'posix_spawn' | 'node';

export const SPAWN_FLOOR_MODES: readonly SpawnFloorMode[] = ['popen', 'posix_spawn', 'node'];

const PYTHON_FLOOR = `# The spawn floor in Python (see bench/floor/spawn-floor.ts).
# usage: spawn-floor.py popen|posix_spawn SLOTS SECONDS STATS PROGRAM ARGS...
import os
import signal
import subprocess
import sys
import time

mode, slots, seconds, stats = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
argv = sys.argv[5:]
children = {}
spawns = 0


def spawn_popen():
    p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, start_new_session=True)
    children[p.pid] = p


def spawn_posix():
    in_r, in_w = os.pipe()
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    pid = os.posix_spawn(argv[0], argv, os.environ, setsid=True, file_actions=[
        (os.POSIX_SPAWN_DUP2, in_r, 0),
        (os.POSIX_SPAWN_DUP2, out_w, 1),
        (os.POSIX_SPAWN_DUP2, err_w, 2),
    ])
    for fd in (in_r, out_w, err_w):
        os.close(fd)
    children[pid] = (in_w, out_r, err_r)


def release(pid, status):
    child = children.pop(pid, None)
    if child is None:
        return
    if mode == 'popen':
        child.returncode = os.waitstatus_to_exitcode(status)
        for f in (child.stdin, child.stdout, child.stderr):
            f.close()
    else:
        for fd in child:
            os.close(fd)


spawn = spawn_popen if mode == 'popen' else spawn_posix
out = open(stats, 'a', buffering=1)


def report():
    out.write('%.6f %d %.6f\\n' % (time.time(), spawns, time.process_time()))


start = time.monotonic()
next_report = start
while True:
    now = time.monotonic()
    if now >= next_report:
        report()
        next_report += 1
    if now - start >= seconds:
        break
    while len(children) < slots:
        spawn()
        spawns += 1
    pid, status = os.waitpid(-1, 0)
    release(pid, status)
report()
for pid in list(children):
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
`;

const NODE_FLOOR = `// The spawn floor in Node (see bench/floor/spawn-floor.ts).
// usage: node spawn-floor.mjs SLOTS SECONDS STATS PROGRAM ARGS...
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';

const [slots, seconds, stats, program, ...args] = process.argv.slice(2);
let spawns = 0;
let running = true;
const report = () => {
  const { user, system } = process.cpuUsage();
  appendFileSync(stats, \`\${Date.now() / 1000} \${spawns} \${(user + system) / 1e6}\\n\`);
};
const start = () => {
  const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  spawns += 1;
  child.once('exit', () => {
    child.stdin.destroy();
    child.stdout.destroy();
    child.stderr.destroy();
    // Not start() right here: respawning inside the exit callback keeps libuv's SIGCHLD
    // handling busy forever and the loop never reaches timers or I/O again.
    if (running) setImmediate(start);
  });
};
report();
const timer = setInterval(report, 1000);
for (let i = 0; i < Number(slots); i++) start();
setTimeout(() => {
  running = false;
  clearInterval(timer);
  report();
  process.exit(0);
}, Number(seconds) * 1000);
`;

/** One line the loop wrote: its own count and CPU time at a wall-clock moment. */
export interface FloorStat {
  readonly atMs: number;
  readonly spawns: number;
  readonly cpuS: number;
}

export interface SpawnFloorRun {
  readonly pid: number;
  /** wall-clock ms just before the loop was started */
  readonly startedAtMs: number;
  readonly stats: readonly FloorStat[];
  /** the bench's own samples of the loop's process (fds, RSS) */
  readonly samples: readonly ProcSample[];
  /** false when the loop had to be killed at the deadline */
  readonly finished: boolean;
}

const python = (): string => (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');

/** The resolved path of the storm's program, as a supervisor resolves it before spawning. */
const stormArgv = (): string[] => {
  const [program = 'sleep', ...args] = STORM_ARGV;
  const found = ['/usr/bin', '/bin'].map((d) => join(d, program)).find((p) => existsSync(p));
  return [found ?? program, ...args];
};

const readStats = (path: string): FloorStat[] => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .map((line) => line.split(' ').map(Number))
    .filter((f) => f.length === 3 && f.every(Number.isFinite))
    .map(([at = 0, spawns = 0, cpuS = 0]) => ({ atMs: at * 1000, spawns, cpuS }));
};

/**
 * Runs one floor loop for `seconds` in `dir` (everything it starts names `dir` in its
 * environment, for the reaper); kills it if it has not finished 15 s after that.
 */
export const runSpawnFloor = async (
  dir: string,
  mode: SpawnFloorMode,
  slots: number,
  seconds: number,
): Promise<SpawnFloorRun> => {
  const statsFile = join(dir, `spawn-floor-${mode}.txt`);
  const script = join(dir, mode === 'node' ? 'spawn-floor.mjs' : 'spawn-floor.py');
  writeFileSync(script, mode === 'node' ? NODE_FLOOR : PYTHON_FLOOR);
  const [command, args] =
    mode === 'node'
      ? [process.execPath, [script, String(slots)]]
      : [python(), [script, mode, String(slots)]];
  const startedAtMs = wallMs();
  const child = spawn(command, [...args, String(seconds), statsFile, ...stormArgv()], {
    cwd: dir,
    stdio: 'ignore',
    env: { ...process.env, TSSBENCH_DIR: dir },
  });
  const pid = child.pid;
  if (pid === undefined) {
    throw new Error(`could not start the ${mode} spawn floor`);
  }
  const exited = new Promise<boolean>((resolve) => child.once('exit', () => resolve(true)));
  const sampler = startProcSampler(pid, 1000, wallMs);
  const finished = await Promise.race([exited, sleep(seconds * 1000 + 15_000).then(() => false)]);
  const samples = sampler.stop().filter((s) => s.cpuS !== null);
  if (!finished && isAlive(pid)) {
    child.kill('SIGKILL');
  }
  return { pid, startedAtMs, stats: readStats(statsFile), samples, finished };
};
