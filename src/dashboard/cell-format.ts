// How numbers look in the table: uptimes, sizes, percentages and sparklines. Pure.

const BARS = '▁▂▃▄▅▆▇█';

const two = (n: number): string => String(n).padStart(2, '0');

/** supervisord's `H:MM:SS` under a day; `Nd HH:MM` from a day on. */
export const formatUptime = (seconds: number): string => {
  const s = Math.max(0, Math.floor(seconds));
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  return days > 0
    ? `${days}d ${two(hours)}:${two(minutes)}`
    : `${hours}:${two(minutes)}:${two(s % 60)}`;
};

/** KiB as `512K`, `12.3M`, `1.2G`. */
export const formatKb = (kb: number): string => {
  const units = ['K', 'M', 'G', 'T'];
  let value = kb;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${Math.round(value)}K` : `${value.toFixed(1)}${units[unit] ?? ''}`;
};

export const formatPercent = (percent: number): string => percent.toFixed(1);

/**
 * One bar per value, right-aligned in `width`. `floor` is the least the top of the scale may
 * be (CPU: 100%), so that noise near zero does not look like a peak; `relative` scales between
 * the smallest and largest value instead (memory: its trend is what matters).
 */
export const sparkline = (
  values: readonly number[],
  width: number,
  scale: { readonly floor: number } | 'relative',
): string => {
  const shown = values.slice(-width);
  const low = scale === 'relative' ? Math.min(...shown) : 0;
  const high = scale === 'relative' ? Math.max(...shown) : Math.max(scale.floor, ...shown);
  const range = high - low;
  const bars = shown.map((v) => {
    // Flat within 1%: no trend to show.
    if (range <= 0 || (scale === 'relative' && range < high * 0.01)) {
      return BARS[0];
    }
    const level = Math.round(((v - low) / range) * (BARS.length - 1));
    return BARS[Math.max(0, Math.min(BARS.length - 1, level))];
  });
  return bars.join('').padStart(width);
};
