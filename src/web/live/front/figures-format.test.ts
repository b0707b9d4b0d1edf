import { expect, it } from 'vitest';

import { formatCpu, formatMemory, formatUptimeSec } from './figures-format.js';

it('formats memory, CPU and uptime', () => {
  expect(formatMemory(900)).toBe('900 KiB');
  expect(formatMemory(1536)).toBe('1.5 MiB');
  expect(formatMemory(300 * 1024)).toBe('300 MiB');
  expect(formatMemory(3 * 1024 * 1024)).toBe('3.0 GiB');
  expect(formatCpu(12.345)).toBe('12.3%');
  expect(formatUptimeSec(3723)).toBe('1:02:03');
});
