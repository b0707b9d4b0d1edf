// Command-line options of `npm run bench -- …`.

import { parseArgs } from 'node:util';

import { SUPERVISORS, type SubjectId } from './subjects/subject.js';

export const SCENARIO_IDS = ['spawn', 'restart', 'log', 'status', 'stop', 'rss0', 'idle'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

export interface BenchOptions {
  readonly quick: boolean;
  readonly runs: number;
  readonly scenarios: readonly ScenarioId[];
  readonly subjects: readonly SubjectId[];
  /** the tssupervisord bin dir (tssupervisord and tssupervisorctl) */
  readonly tsBin: string;
  /** node flags for tssupervisord, e.g. --cpu-prof */
  readonly tsNodeArgs: readonly string[];
  /** write docs/benchmarks.md and the chart (off: print only) */
  readonly writeDocs: boolean;
  readonly keepTemp: boolean;
}

export const USAGE = `usage: npm run bench -- [--quick] [--runs N] [--only spawn,restart,log,status,stop,rss0,idle]
                        [--subjects tssupervisord,supervisord,pm2,floor] [--ts-bin DIR]
                        [--ts-node-arg FLAG]… [--no-docs] [--keep-temp]`;

const list = <T extends string>(
  text: string | undefined,
  allowed: readonly T[],
  what: string,
): T[] => {
  if (text === undefined) {
    return [...allowed];
  }
  const items = text.split(',').map((s) => s.trim());
  const bad = items.filter((i) => !(allowed as readonly string[]).includes(i));
  if (bad.length > 0) {
    throw new Error(`unknown ${what}: ${bad.join(', ')}\n${USAGE}`);
  }
  return items as T[];
};

export const parseOptions = (argv: readonly string[], repoRoot: string): BenchOptions | 'help' => {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      only: { type: 'string' },
      subjects: { type: 'string' },
      'ts-bin': { type: 'string', default: `${repoRoot}/bin` },
      'ts-node-arg': { type: 'string', multiple: true, default: [] },
      'no-docs': { type: 'boolean', default: false },
      'keep-temp': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    return 'help';
  }
  const runs = Number(values.runs ?? (values.quick ? 1 : 3));
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`--runs wants a positive integer\n${USAGE}`);
  }
  return {
    quick: values.quick,
    runs,
    scenarios: list(values.only, SCENARIO_IDS, 'scenario'),
    subjects: list<SubjectId>(values.subjects, [...SUPERVISORS, 'floor'], 'subject'),
    tsBin: values['ts-bin'],
    tsNodeArgs: values['ts-node-arg'],
    writeDocs: !values['no-docs'],
    keepTemp: values['keep-temp'],
  };
};
