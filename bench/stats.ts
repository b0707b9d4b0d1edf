// The few statistics the report needs: median, percentiles (nearest rank) and the growth
// exponent of a latency over a process count (slope of the log-log fit: 1 linear, 2 quadratic).

export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) {
    return Number.NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
};

export const median = (values: readonly number[]): number => {
  if (values.length === 0) {
    return Number.NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
};

/** Least-squares slope of log(y) over log(x); NaN with fewer than two usable points. */
export const growthExponent = (points: readonly (readonly [number, number])[]): number => {
  const usable = points.filter(([x, y]) => x > 0 && y > 0 && Number.isFinite(y));
  if (usable.length < 2) {
    return Number.NaN;
  }
  const xs = usable.map(([x]) => Math.log(x));
  const ys = usable.map(([, y]) => Math.log(y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * ((ys[i] ?? 0) - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? Number.NaN : num / den;
};
