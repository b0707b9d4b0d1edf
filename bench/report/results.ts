// What a bench run produces: samples (one metric, one subject, one run, raw values), problems
// (a correctness check that failed, or a subject that broke) and notes (how something was
// measured, e.g. a fallback), plus the machine and versions they were taken on.

import type { SubjectId } from '../subjects/subject.js';

export interface Sample {
  readonly metric: string;
  readonly subject: SubjectId;
  readonly run: number;
  readonly values: readonly number[];
}

export interface Remark {
  readonly scenario: string;
  readonly subject: SubjectId;
  readonly text: string;
}

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly kernel: string;
  readonly node: string;
  readonly loadBefore: readonly number[];
  readonly loadAfter: readonly number[];
}

export interface BenchResults {
  readonly startedAt: string;
  readonly durationS: number;
  readonly mode: 'full' | 'quick';
  readonly runs: number;
  /** runs per scenario id */
  readonly runsPerScenario: Readonly<Record<string, number>>;
  readonly machine: Machine;
  readonly versions: Readonly<Record<string, string>>;
  readonly samples: readonly Sample[];
  readonly problems: readonly Remark[];
  readonly notes: readonly Remark[];
}

export class ResultLog {
  readonly samples: Sample[] = [];
  readonly problems: Remark[] = [];
  readonly notes: Remark[] = [];

  record(metric: string, subject: SubjectId, run: number, values: readonly number[]): void {
    this.samples.push({ metric, subject, run, values });
  }

  problem(scenario: string, subject: SubjectId, text: string): void {
    this.problems.push({ scenario, subject, text });
  }

  /** Notes are kept once per (scenario, subject, text). */
  note(scenario: string, subject: SubjectId, text: string): void {
    if (
      !this.notes.some((n) => n.scenario === scenario && n.subject === subject && n.text === text)
    ) {
      this.notes.push({ scenario, subject, text });
    }
  }
}
