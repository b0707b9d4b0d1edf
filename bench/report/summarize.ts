// From raw samples to one figure per (metric, subject): the median over runs, pooled
// percentiles for restart latencies, the worst run for lost bytes, and the growth exponent of
// the per-size medians. Also the verdict against the target and the ratios to the others.

import { growthExponent, median, percentile } from '../stats.js';
import type { SubjectId } from '../subjects/subject.js';
import type { MetricDef } from './metrics.js';
import type { Sample } from './results.js';

export type Figures = ReadonlyMap<string, ReadonlyMap<SubjectId, number>>;

const SIZE = /\.(\d+)$/;

const valuesOf = (samples: readonly Sample[], metric: string, subject: SubjectId): number[] =>
  samples.filter((s) => s.metric === metric && s.subject === subject).flatMap((s) => s.values);

/** One value per run for per-run metrics; all values for pooled ones; a ratio for `over`. */
const figure = (def: MetricDef, samples: readonly Sample[], subject: SubjectId): number =>
  def.over === null
    ? aggregateOf(def, samples, subject)
    : aggregateOf(def, samples, subject) /
      aggregateOf({ ...def, source: def.over }, samples, def.overSubject ?? subject);

const aggregateOf = (def: MetricDef, samples: readonly Sample[], subject: SubjectId): number => {
  switch (def.aggregate) {
    case 'median':
      return median(valuesOf(samples, def.source, subject));
    case 'p50':
      return percentile(valuesOf(samples, def.source, subject), 50);
    case 'p95':
      return percentile(valuesOf(samples, def.source, subject), 95);
    case 'p99':
      return percentile(valuesOf(samples, def.source, subject), 99);
    case 'max': {
      const values = valuesOf(samples, def.source, subject);
      return values.length === 0 ? Number.NaN : Math.max(...values);
    }
    case 'growth': {
      const sizes = new Set(
        samples
          .filter((s) => s.subject === subject && s.metric.startsWith(`${def.source}.`))
          .map((s) => Number(SIZE.exec(s.metric)?.[1] ?? Number.NaN)),
      );
      return growthExponent(
        [...sizes].map(
          (n) => [n, median(valuesOf(samples, `${def.source}.${n}`, subject))] as const,
        ),
      );
    }
  }
};

export const summarize = (
  metrics: readonly MetricDef[],
  samples: readonly Sample[],
  subjects: readonly SubjectId[],
): Figures =>
  new Map(
    metrics.map((def) => [
      def.id,
      new Map(
        subjects
          .map((subject) => [subject, figure(def, samples, subject)] as const)
          .filter(([, value]) => Number.isFinite(value)),
      ),
    ]),
  );

export const meetsTarget = (def: MetricDef, value: number | undefined): boolean | null => {
  if (def.target === null || value === undefined) {
    return null;
  }
  return def.target.op === '<=' ? value <= def.target.value : value >= def.target.value;
};

/** How many times better ours is than `other` (> 1: ours ahead); null when not comparable. */
export const advantage = (
  def: MetricDef,
  ours: number | undefined,
  other: number | undefined,
): number | null => {
  if (ours === undefined || other === undefined || def.aggregate === 'growth' || !def.compare) {
    return null;
  }
  if (def.better === 'higher') {
    return other === 0 ? null : ours / other;
  }
  if (ours === 0) {
    return other === 0 ? 1 : Number.POSITIVE_INFINITY;
  }
  return other / ours;
};
