// A scenario is one row group of the report: it runs against each subject in the order it is
// given (rotated every run, so no subject always goes first), records samples and checks its
// own correctness. Everything a scenario starts is torn down in a finally, per subject.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { ResultLog } from '../report/results.js';
import type { SubjectId, SupervisorId, SupervisorSubject } from '../subjects/subject.js';
import { Unsupported } from '../subjects/subject.js';
import type { LogData } from '../workload/log-data.js';
import type { WorkloadScripts } from '../workload/scripts.js';

export interface BenchContext {
  readonly root: string;
  readonly quick: boolean;
  readonly scripts: WorkloadScripts;
  readonly subjects: ReadonlyMap<SupervisorId, SupervisorSubject>;
  readonly results: ResultLog;
  /** our tssupervisorctl (the dashboard scenario opens its dashboard) */
  readonly ctlBin: string;
  /** the 256 MiB the loud child writes (created on first use) */
  logData(): LogData;
  /** a fresh private directory for one launch */
  newDir(label: string): string;
  /** kills every process that mentions `dir` (the floor's programs) */
  reap(dir: string): void;
  log(line: string): void;
}

export interface Scenario {
  readonly id: string;
  readonly title: string;
  /** runs in full mode (default 3): more for the short, noise-prone ones */
  readonly fullRuns?: number;
  run(ctx: BenchContext, run: number, order: readonly SubjectId[]): Promise<void>;
}

let dirCounter = 0;

export const newDirUnder = (root: string, label: string): string => {
  dirCounter += 1;
  const dir = join(root, `${String(dirCounter).padStart(3, '0')}-${label}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

/**
 * Runs `body` per subject in `order`, the floor through `floor` (or skipped when null): an
 * Unsupported subject gets a note, any other failure a problem; the next subject runs anyway.
 */
export interface PerSubject {
  readonly scenario: string;
  readonly order: readonly SubjectId[];
  readonly body: (subject: SupervisorSubject) => Promise<void>;
  /** the floor's version of the scenario; null when it has none */
  readonly floor: (() => Promise<void>) | null;
}

export const forEachSubject = async (
  ctx: BenchContext,
  { scenario, order, body, floor }: PerSubject,
): Promise<void> => {
  for (const id of order) {
    const subject = id === 'floor' ? null : ctx.subjects.get(id);
    if (subject === undefined || (subject === null && floor === null)) {
      continue;
    }
    const started = performance.now();
    try {
      await (subject === null ? floor?.() : body(subject));
    } catch (error) {
      if (error instanceof Unsupported) {
        ctx.results.note(scenario, id, `not measured: ${error.message}`);
      } else {
        ctx.results.problem(scenario, id, error instanceof Error ? error.message : String(error));
        ctx.log(`  ${id}: FAILED ${String(error)}`);
      }
    }
    ctx.log(`  ${scenario} ${id}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
};

/** Records a failed correctness check as a problem; returns whether it held. */
export const check = (
  ctx: BenchContext,
  { scenario, subject }: { readonly scenario: string; readonly subject: SubjectId },
  holds: boolean,
  what: string,
): boolean => {
  if (!holds) {
    ctx.results.problem(scenario, subject, what);
    ctx.log(`  ${subject}: CHECK FAILED ${what}`);
  }
  return holds;
};
