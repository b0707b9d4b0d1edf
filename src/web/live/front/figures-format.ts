// The figures the live UI shows, as text: memory in KiB/MiB/GiB, CPU percent, uptime in
// supervisord's own words.

import { formatUptime } from '../../../protocol/process-info.js';

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB'] as const;

export const formatMemory = (kib: number): string => {
  let value = kib;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 100 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${UNITS[unit] ?? ''}`;
};

export const formatCpu = (percent: number): string => `${percent.toFixed(1)}%`;

/** `1:02:03`, `2 days, 0:00:01`: what supervisorctl shows. */
export const formatUptimeSec = (seconds: number): string => formatUptime(seconds);
