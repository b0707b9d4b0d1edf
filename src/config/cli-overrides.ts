// supervisord's command-line options for [supervisord] values (-n, -l, -u, ...): converted like
// the file's values (but not expanded) and winning over them, as the reference's realize() does.

import { configError } from './errors.js';
import { pyRepr, InvalidValue } from './python-str.js';
import { SUPERVISORD_OPTIONS } from './schema.js';
import type { SupervisordValues } from './supervisord-section.js';
import type { ConfigError } from './types.js';
import type { ConvertContext } from './values.js';

export type SupervisordOverrideKey = Exclude<keyof typeof SUPERVISORD_OPTIONS, 'environment'>;

/** Raw command-line text per [supervisord] key; flags such as nodaemon take `'true'`. */
export type SupervisordOverrides = Readonly<Partial<Record<SupervisordOverrideKey, string>>>;

/** Where command-line errors are said to come from. */
export const COMMAND_LINE = '(command line)';

export type OverridesResult =
  | { readonly ok: true; readonly values: Partial<SupervisordValues> }
  | { readonly ok: false; readonly errors: readonly ConfigError[] };

export const convertOverrides = (
  overrides: SupervisordOverrides,
  ctx: ConvertContext,
): OverridesResult => {
  const values: Record<string, unknown> = {};
  const table: Readonly<Record<string, { convert: (raw: string, c: ConvertContext) => unknown }>> =
    SUPERVISORD_OPTIONS;
  for (const [key, raw] of Object.entries(overrides)) {
    const spec = table[key];
    if (spec === undefined || key === 'environment') {
      continue;
    }
    try {
      values[key] = spec.convert(raw, ctx);
    } catch (error) {
      if (!(error instanceof InvalidValue)) {
        throw error;
      }
      const place = { file: COMMAND_LINE, section: 'supervisord', option: key, value: raw };
      const message = `invalid value for --${key} ${pyRepr(raw)}: ${error.message}`;
      // The reference stops at the first bad option, before reading any file.
      return { ok: false, errors: [configError(place, message)] };
    }
  }
  // Each key was converted by its own table entry, so the types line up.
  return { ok: true, values };
};
