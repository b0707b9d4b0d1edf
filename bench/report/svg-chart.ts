// The chart in docs/: one small panel per headline metric, a bar per subject with its value,
// the target as a dashed line. Panels whose values span more than 20× use a log scale (said in
// the panel title). Plain SVG text, generated from the same figures as the table.

import type { SubjectId } from '../subjects/subject.js';
import { formatValue } from './markdown.js';
import type { MetricDef } from './metrics.js';
import type { Figures } from './summarize.js';

const SUBJECTS: readonly {
  readonly id: SubjectId;
  readonly label: string;
  readonly color: string;
}[] = [
  { id: 'tssupervisord', label: 'tssupervisord', color: '#2b7a4b' },
  { id: 'supervisord', label: 'supervisord', color: '#4d6fa8' },
  { id: 'pm2', label: 'PM2', color: '#b5603a' },
  { id: 'floor', label: 'floor (no supervisor)', color: '#9a9a9a' },
];

const PANEL_W = 330;
const PANEL_H = 150;
const COLS = 3;
const LABEL_W = 95;
const BAR_H = 18;
const BAR_GAP = 7;
const TOP = 34;

const escape = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

interface Scale {
  readonly log: boolean;
  /** value → fraction of the bar area (0…1) */
  readonly at: (value: number) => number;
}

const scaleFor = (values: readonly number[], target: number | null): Scale => {
  const all = [...values, ...(target === null ? [] : [target])].filter((v) => v > 0);
  const max = Math.max(...all, Number.MIN_VALUE);
  const min = Math.min(...all, max);
  if (max / min > 20) {
    const lo = Math.log10(min) - 0.3;
    const hi = Math.log10(max);
    return { log: true, at: (v) => (v <= 0 ? 0 : (Math.log10(v) - lo) / (hi - lo)) };
  }
  return { log: false, at: (v) => Math.max(0, v) / max };
};

const panel = (
  def: MetricDef,
  row: ReadonlyMap<SubjectId, number>,
  x: number,
  y: number,
): string => {
  const present = SUBJECTS.filter((s) => row.has(s.id));
  const scale = scaleFor(
    present.map((s) => row.get(s.id) ?? 0),
    def.target?.value ?? null,
  );
  const barArea = PANEL_W - LABEL_W - 70;
  const better = def.better === 'lower' ? 'lower is better' : 'higher is better';
  const parts = [
    `<g transform="translate(${x},${y})">`,
    `<text x="0" y="14" font-weight="bold">${escape(def.chartLabel ?? def.label)}</text>`,
    `<text x="0" y="28" fill="#555">${escape(`${def.unit}, ${better}${scale.log ? ', log scale' : ''}`)}</text>`,
  ];
  present.forEach((subject, i) => {
    const value = row.get(subject.id) ?? 0;
    const by = TOP + i * (BAR_H + BAR_GAP);
    const width = Math.max(1, scale.at(value) * barArea);
    parts.push(
      `<text x="${LABEL_W - 6}" y="${by + 13}" text-anchor="end">${escape(subject.label.split(' ')[0] ?? '')}</text>`,
      `<rect x="${LABEL_W}" y="${by}" width="${width.toFixed(1)}" height="${BAR_H}" fill="${subject.color}"/>`,
      `<text x="${(LABEL_W + width + 4).toFixed(1)}" y="${by + 13}" stroke="#fff" stroke-width="3" paint-order="stroke">${escape(formatValue(def, value))}</text>`,
    );
  });
  if (def.target !== null) {
    const tx = LABEL_W + scale.at(def.target.value) * barArea;
    const bottom = TOP + present.length * (BAR_H + BAR_GAP);
    parts.push(
      `<line x1="${tx.toFixed(1)}" y1="${TOP - 4}" x2="${tx.toFixed(1)}" y2="${bottom}" stroke="#000" stroke-dasharray="3,3"/>`,
      `<text x="${tx.toFixed(1)}" y="${bottom + 11}" text-anchor="middle" fill="#333" font-size="10">target</text>`,
    );
  }
  parts.push('</g>');
  return parts.join('\n');
};

export const svgChart = (
  metrics: readonly MetricDef[],
  figures: Figures,
  caption: string,
): string => {
  const shown = metrics.filter((def) => def.chart && (figures.get(def.id)?.size ?? 0) > 0);
  const rows = Math.ceil(shown.length / COLS);
  const width = COLS * PANEL_W + 20;
  const height = rows * PANEL_H + 70;
  const legend = SUBJECTS.map(
    (s, i) =>
      `<rect x="${10 + i * 170}" y="${height - 26}" width="12" height="12" fill="${s.color}"/>` +
      `<text x="${26 + i * 170}" y="${height - 16}">${escape(s.label)}</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">${escape(caption)}</text>`,
    ...shown.map((def, i) =>
      panel(
        def,
        figures.get(def.id) ?? new Map(),
        10 + (i % COLS) * PANEL_W,
        36 + Math.floor(i / COLS) * PANEL_H,
      ),
    ),
    ...legend,
    '</svg>',
    '',
  ].join('\n');
};
