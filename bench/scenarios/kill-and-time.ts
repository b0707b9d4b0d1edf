// How a restart after SIGKILL is timed, shared by the restart and events scenarios: a running
// program is SIGKILLed and the latency is from the kill to the first instruction of its new
// instance (the `up` record it writes, stamped by the child). Programs are killed in turn, one
// at a time, each instance having run ≥ 300 ms. Where the daemon has a main log, its own
// reaction is read from it too: from its `exited: NAME (...)` line to its `spawned: 'NAME'` line.

import { sleep, wallMs, waitFor } from '../clock.js';
import { readMainLog } from '../subjects/log-watch.js';
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

const EXITED = /^exited: (\S+) \(/;
const SPAWNED = /^spawned: '([^']+)' with pid \d+$/;

/**
 * The daemon's reaction to each exit of one of `names` so far, in order: ms from its `exited`
 * line to the next `spawned` line of the same program, both stamped by the daemon (ms
 * resolution). An exit not (yet) followed by a spawn is not counted.
 */
export const reactionTimes = (mainLog: string, names: readonly string[]): number[] => {
  const watched = new Set(names);
  const exitedAt = new Map<string, number>();
  const reactions: number[] = [];
  for (const { atMs, text } of readMainLog(mainLog)) {
    const exited = EXITED.exec(text)?.[1];
    if (exited !== undefined && watched.has(exited)) {
      exitedAt.set(exited, atMs);
      continue;
    }
    const spawned = SPAWNED.exec(text)?.[1];
    const since = spawned === undefined ? undefined : exitedAt.get(spawned);
    if (spawned !== undefined && since !== undefined) {
      reactions.push(atMs - since);
      exitedAt.delete(spawned);
    }
  }
  return reactions;
};
