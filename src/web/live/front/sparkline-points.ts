// A small history chart's line: samples → the `points` of an SVG polyline, oldest on the left,
// scaled so the largest sample (or `floor`, whichever is larger) reaches 80% of the height: a
// steady figure draws a flat line below the top, and small ones a flat line at the bottom.

const HEADROOM = 1.25;

export const sparklinePoints = (
  samples: readonly number[],
  size: { readonly width: number; readonly height: number; readonly slots: number },
  floor: number,
): string => {
  const top = Math.max(floor, ...samples) * HEADROOM;
  const step = size.slots > 1 ? size.width / (size.slots - 1) : 0;
  const start = size.slots - samples.length;
  return samples
    .map((value, i) => {
      const x = (start + i) * step;
      const y = size.height - (top > 0 ? (value / top) * size.height : 0);
      return `${round(x)},${round(y)}`;
    })
    .join(' ');
};

const round = (n: number): string => String(Math.round(n * 10) / 10);
