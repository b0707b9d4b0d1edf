// The daemon's own CPU time, resident memory and start time, for GET /metrics' process_* families.

import type { DaemonUsage } from '../ports/process-stats.js';

const startTimeSec = Math.round((Date.now() - process.uptime() * 1000) / 1000);

export const daemonUsage = (): DaemonUsage => {
  const { user, system } = process.cpuUsage();
  return {
    cpuSeconds: (user + system) / 1e6,
    rssBytes: process.memoryUsage.rss(),
    startTimeSec,
  };
};
