// Python's `format % mapping` for the conversions config values use (s r a d i u o x X, %%),
// with Python's parse order and error texts. Throws PrintfError; expand.ts adds the context.

import { pyRepr } from './python-str.js';

export type PrintfValue = string | number;

export class PrintfError extends Error {
  override readonly name = 'PrintfError';
  constructor(
    message: string,
    /** set when the failure is an unknown name (Python's KeyError) */
    readonly missingName?: string,
  ) {
    super(message);
  }
}

interface Spec {
  readonly flags: string;
  readonly width: number;
  readonly precision: number | undefined;
  readonly conversion: string;
}

const INTEGER_CONVERSIONS = 'diuoxX';
const FLOAT_CONVERSIONS = 'eEfFgG';

const pad = (body: string, spec: Spec, zeroAllowed: boolean): string => {
  if (body.length >= spec.width) {
    return body;
  }
  if (spec.flags.includes('-')) {
    return body.padEnd(spec.width);
  }
  if (zeroAllowed && spec.flags.includes('0')) {
    const sign = /^([+\- ]?(?:0[oxX])?)/.exec(body)?.[1] ?? '';
    return sign + body.slice(sign.length).padStart(spec.width - sign.length, '0');
  }
  return body.padStart(spec.width);
};

const formatInteger = (value: number, spec: Spec): string => {
  const radix = { o: 8, x: 16, X: 16 }[spec.conversion] ?? 10;
  let digits = Math.abs(value).toString(radix);
  if (spec.conversion === 'X') {
    digits = digits.toUpperCase();
  }
  if (spec.precision !== undefined) {
    digits = digits.padStart(spec.precision, '0');
  }
  const prefix = spec.flags.includes('#') && radix !== 10 ? `0${spec.conversion}` : '';
  const plus = spec.flags.includes('+') ? '+' : spec.flags.includes(' ') ? ' ' : '';
  const sign = value < 0 ? '-' : plus;
  return pad(sign + prefix + digits, spec, true);
};

const formatValue = (value: PrintfValue, spec: Spec): string => {
  const { conversion } = spec;
  if (INTEGER_CONVERSIONS.includes(conversion)) {
    if (typeof value !== 'number') {
      const what = 'diu'.includes(conversion) ? 'a real number' : 'an integer';
      throw new PrintfError(`%${conversion} format: ${what} is required, not str`);
    }
    return formatInteger(value, spec);
  }
  let text = String(value);
  if (conversion !== 's' && typeof value === 'string') {
    text = pyRepr(value);
  }
  if (spec.precision !== undefined) {
    text = text.slice(0, spec.precision);
  }
  return pad(text, spec, false);
};

const unsupported = (ch: string, index: number): PrintfError => {
  const code = ch.codePointAt(0) ?? 0;
  const shown = code >= 32 && code <= 126 ? ch : '?';
  return new PrintfError(
    `unsupported format character '${shown}' (0x${code.toString(16)}) at index ${index}`,
  );
};

/** Formats `format` against `names` the way Python's `format % names` does. */
export const pyFormat = (format: string, names: ReadonlyMap<string, PrintfValue>): string => {
  let out = '';
  let i = 0;
  const n = format.length;
  while (i < n) {
    const percent = format.indexOf('%', i);
    if (percent === -1) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, percent);
    i = percent + 1;
    if (format.charAt(i) === '%') {
      out += '%';
      i += 1;
      continue;
    }
    let value: PrintfValue | undefined;
    if (format.charAt(i) === '(') {
      let depth = 1;
      const keyStart = i + 1;
      i = keyStart;
      while (i < n && depth > 0) {
        const c = format.charAt(i);
        depth += c === '(' ? 1 : c === ')' ? -1 : 0;
        i += 1;
      }
      if (depth > 0) {
        throw new PrintfError('incomplete format key');
      }
      const key = format.slice(keyStart, i - 1);
      value = names.get(key);
      if (value === undefined) {
        throw new PrintfError(`'${key}'`, key);
      }
    }
    const flagsStart = i;
    while (i < n && '-+ #0'.includes(format.charAt(i))) {
      i += 1;
    }
    const flags = format.slice(flagsStart, i);
    const widthText = /^(\*|\d*)/.exec(format.slice(i))?.[1] ?? '';
    i += widthText.length;
    let precisionText: string | undefined;
    if (format.charAt(i) === '.') {
      precisionText = /^(\*|\d*)/.exec(format.slice(i + 1))?.[1] ?? '';
      i += 1 + precisionText.length;
    }
    if (widthText === '*' || precisionText === '*') {
      throw new PrintfError('not enough arguments for format string');
    }
    if (i < n && 'hlL'.includes(format.charAt(i))) {
      i += 1;
    }
    if (i >= n) {
      throw new PrintfError('incomplete format');
    }
    const conversion = format.charAt(i);
    const conversionIndex = i;
    i += 1;
    if (!'srad'.includes(conversion) && !INTEGER_CONVERSIONS.includes(conversion)) {
      if (FLOAT_CONVERSIONS.includes(conversion) || conversion === 'c') {
        throw new PrintfError(`%${conversion} is not supported by tssupervisor`);
      }
      throw unsupported(conversion, conversionIndex);
    }
    if (value === undefined) {
      // Python would format the whole mapping here (its repr ends up in the value): refused.
      throw new PrintfError(
        `%${conversion} without a name at index ${percent} (use %(name)${conversion})`,
      );
    }
    const width = widthText === '' ? 0 : Number.parseInt(widthText, 10);
    if (!Number.isSafeInteger(width)) {
      throw new PrintfError('width too big');
    }
    const precision =
      precisionText === undefined ? undefined : Number.parseInt(precisionText || '0', 10);
    out += formatValue(value, { flags, width, precision, conversion });
  }
  return out;
};
