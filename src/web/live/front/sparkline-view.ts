// A small history chart (CPU or memory of one process): an SVG line redrawn from the samples.

import { svg } from './dom-build.js';
import { HISTORY_SLOTS } from './live-snapshot.js';
import { sparklinePoints } from './sparkline-points.js';

export interface Sparkline {
  readonly element: SVGSVGElement;
  update(samples: readonly number[]): void;
}

export const createSparkline = (
  label: string,
  size: { readonly width: number; readonly height: number },
  floor: number,
): Sparkline => {
  const line = svg('polyline', { class: 'spark-line', points: '' });
  const element = svg(
    'svg',
    {
      class: 'spark',
      width: String(size.width),
      height: String(size.height),
      viewBox: `0 0 ${size.width} ${size.height}`,
      role: 'img',
      'aria-label': label,
    },
    line,
  );
  return {
    element,
    update: (samples) => {
      const points = sparklinePoints(samples, { ...size, slots: HISTORY_SLOTS }, floor);
      if (line.getAttribute('points') !== points) {
        line.setAttribute('points', points);
      }
    },
  };
};
