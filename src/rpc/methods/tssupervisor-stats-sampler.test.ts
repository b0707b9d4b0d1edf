import { describe, expect, it } from 'vitest';

import type { ProcessStats, TreeUsage } from '../../ports/process-stats.js';
import { createStatsSampler } from './tssupervisor-stats-sampler.js';

const usage = (cpuPercent: number): TreeUsage => ({
  cpuPercent,
  rssBytes: 4096,
  processCount: 1,
  cpuSeconds: 1,
});

const fakeStats = () => {
  const asked: (readonly number[])[] = [];
  let answer: () => Promise<ReadonlyMap<number, TreeUsage>> = () =>
    Promise.resolve(new Map([[10, usage(asked.length)]]));
  const stats: ProcessStats = {
    sample: (pids) => {
      asked.push(pids);
      return answer();
    },
  };
  return { stats, asked, answerWith: (f: typeof answer) => (answer = f) };
};

describe('the stats sampler', () => {
  it('samples at most once per interval, whoever asks', async () => {
    let now = 0;
    const fake = fakeStats();
    const sampler = createStatsSampler({ stats: fake.stats, monotonicMs: () => now });
    expect((await sampler.usage([10])).get(10)?.cpuPercent).toBe(1);
    now = 999;
    expect((await sampler.usage([10])).get(10)?.cpuPercent).toBe(1);
    expect(fake.asked).toHaveLength(1);
    now = 1000;
    expect((await sampler.usage([10, 11])).get(10)?.cpuPercent).toBe(2);
    expect(fake.asked).toEqual([[10], [10, 11]]);
  });

  it('shares a sample under way between concurrent callers', async () => {
    const fake = fakeStats();
    const sampler = createStatsSampler({ stats: fake.stats, monotonicMs: () => 0 });
    const [a, b] = await Promise.all([sampler.usage([10]), sampler.usage([10])]);
    expect(a).toBe(b);
    expect(fake.asked).toHaveLength(1);
  });

  it('answers no figures when a sample fails, and tries again next time', async () => {
    const fake = fakeStats();
    fake.answerWith(() => Promise.reject(new Error('EMFILE')));
    const sampler = createStatsSampler({ stats: fake.stats, monotonicMs: () => 0 });
    expect((await sampler.usage([10])).size).toBe(0);
    fake.answerWith(() => Promise.resolve(new Map([[10, usage(7)]])));
    expect((await sampler.usage([10])).get(10)?.cpuPercent).toBe(7);
  });
});
