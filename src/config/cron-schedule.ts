// restart_on_cron's text → a CronSchedule (pure): the standard five fields (minute, hour, day of
// month, month, day of week) with `*`, values, names, ranges, steps and lists, plus @daily & co.

import { InvalidValue, pyStrip } from './python-str.js';

/** The allowed values of each field, ascending; the times themselves are engine/cron-next.ts'. */
export interface CronSchedule {
  /** as written (trimmed), for messages and status */
  readonly text: string;
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  /** 1–31 */
  readonly days: readonly number[];
  /** 1–12 */
  readonly months: readonly number[];
  /** 0–6, 0 is Sunday (7 is accepted for Sunday too) */
  readonly weekdays: readonly number[];
  /**
   * Both day fields restricted (neither starts with `*`): a day matching either fires, as cron
   * has it. Otherwise only the restricted one (if any) decides.
   */
  readonly daysRestricted: boolean;
  readonly weekdaysRestricted: boolean;
}

interface FieldSpec {
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
  /** the value `names[0]` stands for */
  readonly nameBase?: number;
}

const MONTH_NAMES = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const FIELDS: readonly FieldSpec[] = [
  { label: 'minute', min: 0, max: 59 },
  { label: 'hour', min: 0, max: 23 },
  { label: 'day of month', min: 1, max: 31 },
  { label: 'month', min: 1, max: 12, names: MONTH_NAMES, nameBase: 1 },
  { label: 'day of week', min: 0, max: 7, names: DAY_NAMES, nameBase: 0 },
];

const MACROS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** The longest each month can be (February in a leap year). */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const FORM =
  'MINUTE HOUR DAY MONTH WEEKDAY (e.g. 0 4 * * *) or @hourly/@daily/@weekly/@monthly/@yearly';

const valueOf = (text: string, spec: FieldSpec, whole: string): number => {
  const lowered = text.toLowerCase();
  const named = spec.names?.indexOf(lowered) ?? -1;
  if (named !== -1) {
    return named + (spec.nameBase ?? 0);
  }
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= spec.min && value <= spec.max)) {
    throw new InvalidValue(
      `invalid ${spec.label} '${text}' in restart_on_cron '${whole}' (${spec.min}–${spec.max}${spec.names === undefined ? '' : ' or a name'})`,
    );
  }
  return value;
};

/** One comma-separated item: `*`, `N`, `A-B`, each optionally `/STEP`; `N/STEP` runs to the max. */
const itemValues = (item: string, spec: FieldSpec, whole: string): number[] => {
  const [range = '', stepText, extra] = item.split('/');
  if (extra !== undefined || range === '') {
    throw new InvalidValue(`invalid ${spec.label} '${item}' in restart_on_cron '${whole}'`);
  }
  let step = 1;
  if (stepText !== undefined) {
    step = /^\d+$/.test(stepText) ? Number(stepText) : 0;
    if (step < 1) {
      throw new InvalidValue(`invalid step '${stepText}' in restart_on_cron '${whole}'`);
    }
  }
  let from: number;
  let to: number;
  if (range === '*') {
    from = spec.min;
    to = spec.max;
  } else {
    const [a = '', b, more] = range.split('-');
    if (more !== undefined) {
      throw new InvalidValue(`invalid ${spec.label} '${item}' in restart_on_cron '${whole}'`);
    }
    from = valueOf(a, spec, whole);
    to = b === undefined ? (stepText === undefined ? from : spec.max) : valueOf(b, spec, whole);
    if (to < from) {
      throw new InvalidValue(
        `invalid ${spec.label} range '${range}' in restart_on_cron '${whole}' (it runs backwards)`,
      );
    }
  }
  const values: number[] = [];
  for (let v = from; v <= to; v += step) {
    values.push(v);
  }
  return values;
};

const fieldValues = (text: string, spec: FieldSpec, whole: string): number[] => {
  const set = new Set<number>();
  for (const item of text.split(',')) {
    for (const value of itemValues(item, spec, whole)) {
      set.add(value);
    }
  }
  return [...set].sort((a, b) => a - b);
};

/** Days that no month has (`0 0 31 2 *`) would never fire: refused rather than silently idle. */
const canFire = (days: readonly number[], months: readonly number[]): boolean =>
  months.some((m) => days.some((d) => d <= (MONTH_DAYS[m - 1] ?? 0)));

export const parseCron = (raw: string): CronSchedule => {
  const text = pyStrip(raw);
  const expanded = MACROS[text.toLowerCase()] ?? text;
  const parts = expanded.split(/\s+/).filter((p) => p !== '');
  if (parts.length !== FIELDS.length) {
    throw new InvalidValue(`invalid restart_on_cron '${text}': use ${FORM}`);
  }
  const [minutes, hours, days, months, weekdays] = FIELDS.map((spec, i) =>
    fieldValues(parts[i] ?? '', spec, text),
  ) as [number[], number[], number[], number[], number[]];
  const daysRestricted = !(parts[2] ?? '').startsWith('*');
  const weekdaysRestricted = !(parts[4] ?? '').startsWith('*');
  if (daysRestricted && !weekdaysRestricted && !canFire(days, months)) {
    throw new InvalidValue(`restart_on_cron '${text}' never fires: no such day in those months`);
  }
  return {
    text,
    minutes,
    hours,
    days,
    months,
    // 7 is Sunday too.
    weekdays: [...new Set(weekdays.map((d) => d % 7))].sort((a, b) => a - b),
    daysRestricted,
    weekdaysRestricted,
  };
};
