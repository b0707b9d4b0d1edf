import { describe, expect, it } from 'vitest';

import type { Fault } from '../../model/faults.js';
import { engineWorld } from '../../../test/fakes/engine-world.js';
import { numprocsGroup } from '../../../test/fakes/program-config.js';
import { collectStatuses } from './status-structs.js';

/** Four processes w_0..w_3 and a clock the test moves by hand. */
const setup = () => {
  const world = engineWorld({ groups: [numprocsGroup('w', 4)] });
  const processes = world.supervisor.allProcesses();
  let now = 0;
  const settle: Map<string, (fault: Fault | undefined) => void> = new Map();
  const waitFor = (name: string) =>
    new Promise<Fault | undefined>((resolve) => settle.set(name, resolve));
  const finish = async (name: string, atMs: number, fault?: Fault) => {
    now = atMs;
    settle.get(name)?.(fault);
    await Promise.resolve();
  };
  return { processes, nowMs: () => now, waitFor, finish };
};

const names = (structs: readonly { name: string; status: number }[]) =>
  structs.map((s) => `${s.name}:${s.status}`);

describe('collectStatuses', () => {
  it('lists outcomes known at once first, then waited ones as they settle', async () => {
    const { processes, nowMs, waitFor, finish } = setup();
    const results = processes.map((process, i) => ({
      process,
      fault: i === 2 ? ({ fault: 'NO_FILE', detail: 'x' } as const) : undefined,
    }));
    const pending = collectStatuses(
      results,
      (p) => (p.config.name === 'w_1' ? undefined : waitFor(p.config.name)),
      nowMs,
    );
    await finish('w_3', 100, { fault: 'SPAWN_ERROR', detail: 'w:w_3' });
    await finish('w_0', 1_500);
    expect(names(await pending)).toEqual(['w_1:80', 'w_2:20', 'w_3:50', 'w_0:80']);
  });

  it('keeps priority order among outcomes that settle together', async () => {
    const { processes, nowMs, waitFor, finish } = setup();
    const pending = collectStatuses(
      processes.map((process) => ({ process, fault: undefined })),
      (p) => waitFor(p.config.name),
      nowMs,
    );
    await finish('w_3', 10);
    await finish('w_1', 60);
    await finish('w_2', 150);
    await finish('w_0', 900);
    expect(names(await pending)).toEqual(['w_1:80', 'w_2:80', 'w_3:80', 'w_0:80']);
  });
});
