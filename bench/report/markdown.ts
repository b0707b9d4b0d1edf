// The results as Markdown: the run's circumstances (machine, load, versions), the table of
// figures with targets, verdicts and ratios, and what went wrong or was measured differently.

import type { SubjectId } from '../subjects/subject.js';
import type { MetricDef } from './metrics.js';
import type { BenchResults, Remark } from './results.js';
import { advantage, type Figures, meetsTarget } from './summarize.js';

const COLUMNS: readonly SubjectId[] = ['tssupervisord', 'supervisord', 'pm2', 'floor'];

export const formatValue = (def: MetricDef, value: number | undefined): string => {
  if (value === undefined) {
    return '–';
  }
  if (def.ceiling !== null && value >= def.ceiling.value) {
    return def.ceiling.text;
  }
  if (def.unit === 'bytes') {
    return Math.round(value).toLocaleString('en-US');
  }
  return value.toFixed(def.decimals);
};

const formatAdvantage = (ratio: number | null): string => {
  if (ratio === null || Number.isNaN(ratio)) {
    return '–';
  }
  if (!Number.isFinite(ratio)) {
    return '∞';
  }
  return ratio >= 10 ? `${ratio.toFixed(0)}×` : `${ratio.toFixed(2)}×`;
};

const targetText = (def: MetricDef): string =>
  def.target === null ? '' : `${def.target.op === '<=' ? '≤' : '≥'} ${def.target.value}`;

const verdict = (def: MetricDef, value: number | undefined): string => {
  const met = meetsTarget(def, value);
  return met === null ? '' : met ? 'met' : '**missed**';
};

export const resultsTable = (metrics: readonly MetricDef[], figures: Figures): string => {
  const header =
    '| metric | unit | target | tssupervisord | supervisord | PM2 | floor | issue quoted (sd / PM2) | vs supervisord | vs PM2 | target |';
  const rule = '|---|---|---|--:|--:|--:|--:|---|--:|--:|---|';
  const rows = metrics
    .filter((def) => (figures.get(def.id)?.size ?? 0) > 0)
    .map((def) => {
      const row = figures.get(def.id);
      const ours = row?.get('tssupervisord');
      const cells = COLUMNS.map((subject) => formatValue(def, row?.get(subject)));
      return `| ${def.label} | ${def.unit} | ${targetText(def)} | ${cells.join(' | ')} | ${def.quoted} | ${formatAdvantage(
        advantage(def, ours, row?.get('supervisord')),
      )} | ${formatAdvantage(advantage(def, ours, row?.get('pm2')))} | ${verdict(def, ours)} |`;
    });
  return [header, rule, ...rows].join('\n');
};

const remarks = (title: string, list: readonly Remark[]): string[] =>
  list.length === 0
    ? []
    : [
        '',
        `**${title}**`,
        '',
        ...list.map((r) => `- ${r.scenario} / ${r.subject}: ${r.text.replaceAll('\n', ' ')}`),
      ];

export const resultsSection = (
  results: BenchResults,
  metrics: readonly MetricDef[],
  figures: Figures,
  chartFile: string,
): string => {
  const m = results.machine;
  const load = (l: readonly number[]): string => l.map((x) => x.toFixed(2)).join(' ');
  return [
    `Run of ${results.startedAt}: \`npm run bench${results.mode === 'quick' ? ' -- --quick' : ''}\`, ` +
      `interleaved runs per scenario: ${Object.entries(results.runsPerScenario)
        .map(([id, n]) => `${id} ${n}`)
        .join(', ')}; ${Math.round(results.durationS)} s in all.`,
    '',
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB.toFixed(0)} GiB RAM, Linux ${m.kernel}; ` +
      `load average ${load(m.loadBefore)} before, ${load(m.loadAfter)} after.`,
    `- Versions: ${Object.entries(results.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    '- Figures are medians over runs (restart: percentiles over all kills of all runs); ' +
      '"vs" columns say how many times better tssupervisord is (below 1: worse).',
    '',
    resultsTable(metrics, figures),
    '',
    `![The figures above as bars, one panel per metric](${chartFile})`,
    ...remarks('Problems (failed checks, errors)', results.problems),
    ...remarks('Notes', results.notes),
  ].join('\n');
};
