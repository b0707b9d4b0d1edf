// How a restart after SIGKILL is timed, shared by the restart and events scenarios: a running
// program is SIGKILLed and the latency is from the kill to the first instruction of its new
// instance (the `up` record it writes, stamped by the child). Programs are killed in turn, one
// at a time, each instance having run ≥ 300 ms.

import { sleep, wallMs, waitFor } from '../clock.js';
import { latestUp, type ProgramRecord, readRecords } from '../workload/records.js';

const MIN_UPTIME_MS = 300;
const PAUSE_MIN_MS = 50;
const PAUSE_SPREAD_MS = 100;

/** Waits until every one of `names` has recorded an `up`. */
export const awaitAllUp = (
  recordsFile: string,
  names: readonly string[],
  timeoutMs: number,
): Promise<true> =>
  waitFor(
    `${names.length} programs up`,
    () => {
      const up = latestUp(readRecords(recordsFile));
      return names.every((name) => up.has(name)) ? true : null;
    },
    timeoutMs,
  );

/** Waits for the first `up` of `name` after `sinceMs`; returns its latency. */
const awaitRestart = (recordsFile: string, name: string, sinceMs: number): Promise<number> =>
  waitFor(
    `${name} to be back`,
    () => {
      const next = readRecords(recordsFile).find(
        (r) => r.event === 'up' && r.name === name && r.atMs > sinceMs,
      );
      return next === undefined ? null : next.atMs - sinceMs;
    },
    15_000,
    1,
  );

/**
 * Kills `kills` instances of `names` round-robin, one at a time: the next kill comes only after
 * the last restart, plus a random pause (so a supervisor's tick phase is sampled evenly, and no
 * kill wakes a supervisor up for another's restart). Returns each restart's latency in ms; a
 * kill not followed by a new instance within 15 s rejects.
 */
export const killAndTime = async (
  recordsFile: string,
  names: readonly string[],
  kills: number,
): Promise<number[]> => {
  const latencies: number[] = [];
  for (let k = 0; k < kills; k++) {
    const name = names[k % names.length] ?? '';
    const current: ProgramRecord = await waitFor(
      `a live instance of ${name}`,
      () => latestUp(readRecords(recordsFile)).get(name) ?? null,
      10_000,
    );
    const age = wallMs() - current.atMs;
    if (age < MIN_UPTIME_MS) {
      await sleep(MIN_UPTIME_MS - age);
    }
    const atMs = wallMs();
    process.kill(current.pid, 'SIGKILL');
    latencies.push(await awaitRestart(recordsFile, name, atMs));
    await sleep(PAUSE_MIN_MS + Math.random() * PAUSE_SPREAD_MS);
  }
  return latencies;
};
