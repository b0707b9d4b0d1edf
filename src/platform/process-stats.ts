// The ProcessStats for this system: whole process trees from /proc where there is one (Linux),
// else pidusage's per-process figures.

import { existsSync } from 'node:fs';

import type { ProcessStats } from '../ports/process-stats.js';
import { createPidusageStats } from './pidusage-stats.js';
import { createProcStats } from './proc-stats.js';

export const createProcessStats = (): ProcessStats =>
  existsSync('/proc/self/stat') ? createProcStats() : createPidusageStats();
