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

/** Local time of day, `HH:MM:SS`; a date before it when it is not `today`'s (both local ms). */
export const formatClock = (ms: number, todayMs = ms): string => {
  const at = new Date(ms);
  const time = at.toTimeString().slice(0, 8);
  return at.toDateString() === new Date(todayMs).toDateString()
    ? time
    : `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${time}`;
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
 * One bar per value, right-aligned in `width`, on a scale from zero to the highest value or
 * `floor`, whichever is more. CPU's floor is 100% (one core), so that noise near zero stays
 * low; memory's is 0, so that its bars say how far below its peak each sample is: a 2 MB
 * wobble on 40 MB stays flat, a leak shows as a ramp.
 */
export const sparkline = (
  values: readonly number[],
  width: number,
  scale: { readonly floor: number },
): string => {
  const shown = values.slice(-width);
  const high = Math.max(scale.floor, ...shown);
  const bars = shown.map((v) => {
    if (high <= 0) {
      return BARS[0];
    }
    const level = Math.round((v / high) * (BARS.length - 1));
    return BARS[Math.max(0, Math.min(BARS.length - 1, level))];
  });
  return bars.join('').padStart(width);
};
