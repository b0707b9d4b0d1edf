// The machine the figures were taken on: CPU, cores, memory, kernel, Node, and the load average
// (the figures of a shared machine mean little without it).

import { cpus, loadavg, release, totalmem } from 'node:os';

import type { Machine } from './results.js';

export const describeMachine = (loadBefore: readonly number[]): Machine => ({
  cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
  cores: cpus().length,
  memoryGiB: totalmem() / 1024 ** 3,
  kernel: release(),
  node: process.version,
  loadBefore,
  loadAfter: loadavg(),
});
