// Reaps the zombie children Node does not know about: orphans re-parented to the daemon (it is
// PID 1 in a container, or a child subreaper). On SIGCHLD (at most every 100 ms) and every
// second it lists the daemon's children (/proc/self/task/*/children), looks at those its spawner
// does not track, and waitpid()s each zombie on its second sighting (orphan-sightings.ts). Never
// waitpid(-1): that would take the exit status of libuv's own children.

import { readdirSync, readFileSync } from 'node:fs';

import { CHILD_QUIT_TEXT } from '../model/exit-status.js';
import type { LogLevel } from '../model/log-level.js';
import type { Libc } from './libc.js';
import {
  describeWaitStatus,
  MIN_SIGHTING_GAP_MS,
  stepSightings,
  type Sightings,
  type Zombie,
} from './orphan-sightings.js';
import { parseStatFields } from './proc-stat-fields.js';

export interface OrphanReaperOptions {
  readonly libc: Libc;
  /** the children libuv spawned for us and still tracks: never ours to reap */
  readonly isTracked: (pid: number) => boolean;
  readonly log: (level: LogLevel, message: string) => void;
  /** where /proc is (tests) */
  readonly procRoot?: string;
}

export interface OrphanReaper {
  /** Scan now (tests and the daemon's start). */
  scan(): void;
  /** The orphans re-parented to us that still run (not zombies). */
  liveOrphans(): number[];
  stop(): void;
}

/** SIGCHLD scans at most this often: a restart storm sends hundreds a second. */
const MIN_SCAN_GAP_MS = 100;
const PERIODIC_SCAN_MS = 1000;

const readText = (path: string): string | null => {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return null;
  }
};

/** Our children's pids, from every thread's children list; null if the kernel has none. */
const childrenFromTasks = (procRoot: string): number[] | null => {
  let tasks: string[];
  try {
    tasks = readdirSync(`${procRoot}/self/task`);
  } catch {
    return null;
  }
  const pids: number[] = [];
  for (const task of tasks) {
    const text = readText(`${procRoot}/self/task/${task}/children`);
    if (text === null) {
      return null;
    }
    for (const word of text.split(' ')) {
      if (word !== '' && word !== '\n') {
        pids.push(Number(word));
      }
    }
  }
  return pids;
};

/** Without CONFIG_PROC_CHILDREN: every process whose parent we are (a full /proc scan). */
const childrenFromScan = (procRoot: string, ownPid: number): number[] => {
  let names: string[];
  try {
    names = readdirSync(procRoot);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    if (!/^\d+$/.test(name)) {
      return [];
    }
    const text = readText(`${procRoot}/${name}/stat`);
    const stat = text === null ? null : parseStatFields(text);
    return stat !== null && stat.ppid === ownPid ? [stat.pid] : [];
  });
};

export const startOrphanReaper = (options: OrphanReaperOptions): OrphanReaper => {
  const procRoot = options.procRoot ?? '/proc';
  const ownPid = process.pid;
  let sightings: Sightings = new Map();
  let lastScanMs = -Infinity;
  let pending: NodeJS.Timeout | null = null;
  let taskLists = true;

  /** Our children that libuv does not track, with their state and start time. */
  const orphans = (): { pid: number; zombie: boolean; startTicks: number }[] => {
    let children = taskLists ? childrenFromTasks(procRoot) : null;
    if (children === null) {
      taskLists = false;
      children = childrenFromScan(procRoot, ownPid);
    }
    return children.flatMap((pid) => {
      if (options.isTracked(pid)) {
        return [];
      }
      const text = readText(`${procRoot}/${pid}/stat`);
      const stat = text === null ? null : parseStatFields(text);
      return stat?.ppid === ownPid
        ? [{ pid, zombie: stat.state === 'Z', startTicks: stat.startTicks }]
        : [];
    });
  };

  const zombieChildren = (): Zombie[] =>
    orphans()
      .filter((o) => o.zombie)
      .map(({ pid, startTicks }) => ({ pid, startTicks }));

  const scan = (): void => {
    if (pending !== null) {
      clearTimeout(pending);
      pending = null;
    }
    const nowMs = performance.now();
    lastScanMs = nowMs;
    const step = stepSightings(sightings, zombieChildren(), nowMs);
    sightings = step.sightings;
    for (const pid of step.reap) {
      const status = options.libc.reap(pid);
      if (status !== null) {
        options.log('info', `reaped unknown pid ${pid} (${describeWaitStatus(status)})`);
        options.log('debug', CHILD_QUIT_TEXT);
      }
    }
    if (sightings.size > 0) {
      // Come back for the second sighting rather than wait for the next second.
      scanIn(MIN_SIGHTING_GAP_MS + 10);
    }
  };

  const scanIn = (ms: number): void => {
    if (pending === null) {
      pending = setTimeout(scan, ms);
      pending.unref();
    }
  };

  const onChildSignal = (): void => {
    // Without the kernel's children lists a scan reads all of /proc: at most one a second.
    const gapMs = taskLists ? MIN_SCAN_GAP_MS : PERIODIC_SCAN_MS;
    const waitMs = lastScanMs + gapMs - performance.now();
    if (waitMs <= 0) {
      scan();
    } else {
      scanIn(waitMs);
    }
  };

  process.on('SIGCHLD', onChildSignal);
  const periodic = setInterval(scan, PERIODIC_SCAN_MS);
  periodic.unref();
  return {
    scan,
    liveOrphans: () =>
      orphans()
        .filter((o) => !o.zombie)
        .map((o) => o.pid),
    stop: () => {
      process.off('SIGCHLD', onChildSignal);
      clearInterval(periodic);
      if (pending !== null) {
        clearTimeout(pending);
      }
    },
  };
};
