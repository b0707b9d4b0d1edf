// Command-line options of `npm run bench -- …`.

import { parseArgs } from 'node:util';

import { SUPERVISORS, type SubjectId } from './subjects/subject.js';

export const SCENARIO_IDS = [
  'spawn',
  'restart',
  'events',
  'log',
  'status',
  'stop',
  'rss0',
  'idle',
  'storm',
  'spawn-latency',
  'probes',
  'dashboard',
  'webui',
] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

export interface BenchOptions {
  readonly quick: boolean;
  /** --runs N for every scenario; null: each scenario's own default (1 in quick mode) */
  readonly runs: number | null;
  readonly scenarios: readonly ScenarioId[];
  readonly subjects: readonly SubjectId[];
  /** the tssupervisord bin dir (tssupervisord and tssupervisorctl) */
  readonly tsBin: string;
  /** node flags for tssupervisord, e.g. --cpu-prof */
  readonly tsNodeArgs: readonly string[];
  /** write docs/benchmarks.md and the chart (off: print only) */
  readonly writeDocs: boolean;
  readonly keepTemp: boolean;
  /** re-render the report from a results JSON instead of running anything */
  readonly fromJson: string | null;
}

export const USAGE = `usage: npm run bench -- [--quick] [--runs N] [--only spawn,restart,events,log,status,stop,rss0,idle,
                                            storm,spawn-latency,probes,dashboard,webui]
                        [--subjects tssupervisord,supervisord,pm2,floor] [--ts-bin DIR]
                        [--ts-node-arg FLAG]… [--no-docs] [--keep-temp]
       npm run bench -- --from-json bench/results/latest.json   (re-render docs only)`;

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
      'from-json': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    return 'help';
  }
  const runs = values.runs === undefined ? null : Number(values.runs);
  if (runs !== null && (!Number.isInteger(runs) || runs < 1)) {
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
    fromJson: values['from-json'] ?? null,
  };
};
