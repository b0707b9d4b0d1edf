// ProcessStats on Linux: one /proc scan per sample gives every process's parent, CPU time and
// resident size, so each root's whole tree is summed without a second read or a file held open.
// CPU is the share of one core since the previous sample of the same process.

import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';

import type { ProcessStats, TreeUsage } from '../ports/process-stats.js';
import { childrenIndex, scanProc, treeOf, type ProcEntry } from './proc-scan.js';

/** A previous reading older than this is no base for a rate (nobody watched meanwhile). */
const STALE_MS = 5000;

interface Reading {
  readonly startTicks: number;
  readonly cpuTicks: number;
  readonly atMs: number;
}

export interface SystemUnits {
  readonly ticksPerSecond: number;
  readonly pageBytes: number;
}

const getconf = (name: string, fallback: number): Promise<number> =>
  new Promise((resolve) => {
    execFile('getconf', [name], (error, stdout) => {
      const value = Number(stdout.trim());
      resolve(error === null && Number.isInteger(value) && value > 0 ? value : fallback);
    });
  });

const systemUnits = async (): Promise<SystemUnits> => ({
  ticksPerSecond: await getconf('CLK_TCK', 100),
  pageBytes: await getconf('PAGESIZE', 4096),
});

/** Seconds since boot, the clock /proc's start times count in ticks. */
const uptimeSeconds = async (root: string): Promise<number | null> => {
  try {
    const value = Number((await readFile(`${root}/uptime`, 'latin1')).split(' ')[0]);
    return Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
};

export interface ProcStatsOptions {
  /** For tests: another /proc, another clock, known units. */
  readonly root?: string;
  readonly monotonicMs?: () => number;
  readonly units?: SystemUnits;
}

export const createProcStats = (options: ProcStatsOptions = {}): ProcessStats => {
  const root = options.root ?? '/proc';
  const monotonicMs = options.monotonicMs ?? (() => performance.now());
  let units: Promise<SystemUnits> | null =
    options.units === undefined ? null : Promise.resolve(options.units);
  let readings = new Map<number, Reading>();

  return {
    sample: async (rootPids) => {
      units ??= systemUnits();
      const { ticksPerSecond, pageBytes } = await units;
      const [table, uptime] = await Promise.all([scanProc(root), uptimeSeconds(root)]);
      const nowMs = monotonicMs();
      const children = childrenIndex(table);
      const next = new Map<number, Reading>();

      const cpuPercent = (entry: ProcEntry): number => {
        const before = readings.get(entry.pid);
        next.set(entry.pid, {
          startTicks: entry.startTicks,
          cpuTicks: entry.cpuTicks,
          atMs: nowMs,
        });
        if (before?.startTicks === entry.startTicks && nowMs - before.atMs <= STALE_MS) {
          const seconds = (nowMs - before.atMs) / 1000;
          return seconds > 0
            ? ((entry.cpuTicks - before.cpuTicks) / ticksPerSecond / seconds) * 100
            : 0;
        }
        // No recent reading (a new process, or a reused pid): its average over its lifetime.
        const lifetime = uptime === null ? 0 : uptime - entry.startTicks / ticksPerSecond;
        return lifetime > 0 ? (entry.cpuTicks / ticksPerSecond / lifetime) * 100 : 0;
      };

      const usage = new Map<number, TreeUsage>();
      for (const rootPid of rootPids) {
        if (!table.has(rootPid)) {
          continue;
        }
        let cpu = 0;
        let cpuTicks = 0;
        let rssBytes = 0;
        let processCount = 0;
        for (const pid of treeOf(rootPid, children)) {
          const entry = table.get(pid);
          if (entry !== undefined) {
            cpu += cpuPercent(entry);
            cpuTicks += entry.cpuTicks + entry.reapedChildTicks;
            rssBytes += entry.rssPages * pageBytes;
            processCount += 1;
          }
        }
        usage.set(rootPid, {
          cpuPercent: cpu,
          rssBytes,
          processCount,
          cpuSeconds: cpuTicks / ticksPerSecond,
        });
      }
      // Only what was measured now is a base next time: gone processes are forgotten.
      readings = next;
      return usage;
    },
  };
};
