// Evaluates a schema table against one INI section: lookup (with [DEFAULT]), default, expansion,
// conversion. Collects one ConfigError per bad option, in table order.

import { expand, type ExpansionNames, type NameScope } from './expand.js';
import { iniGet, type IniDocument } from './ini.js';
import type { OptionSpec, OptionTable, TableValues } from './option-spec.js';
import { InvalidValue } from './python-str.js';
import type { ConfigError } from './types.js';
import type { ConvertContext } from './values.js';

export interface SectionContext {
  readonly doc: IniDocument;
  readonly section: string;
  readonly convert: ConvertContext;
  readonly names: (scope: NameScope) => ExpansionNames;
  /** what the reference appends to messages of this section, e.g. ` in section 'program:x' (file: 'f')` */
  readonly suffix: string;
  /** where absent options are reported: the section header (or the main file) */
  readonly file: string;
  readonly line: number | null;
}

export type ReadResult<S extends OptionTable> =
  | { readonly ok: true; readonly values: TableValues<S> }
  | { readonly ok: false; readonly errors: readonly ConfigError[] };

type Outcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: ConfigError };

const readOne = (
  key: string,
  spec: OptionSpec<unknown>,
  ctx: SectionContext,
  earlier: ReadonlyMap<string, unknown>,
): Outcome | undefined => {
  const found = iniGet(ctx.doc, ctx.section, key);
  const where = found ?? { file: ctx.file, line: ctx.line };
  const fail = (message: string, value: string | null): Outcome => ({
    ok: false,
    error: {
      file: where.file,
      line: where.line,
      section: ctx.section,
      option: key,
      value,
      message: `${message}${ctx.suffix}`,
    },
  });
  let raw: string;
  if (found !== undefined) {
    raw = found.text;
  } else {
    const { absent } = spec;
    switch (absent.kind) {
      case 'text':
        raw = absent.text;
        break;
      case 'host':
        raw = ctx.convert.host[absent.key];
        break;
      case 'value':
        return { ok: true, value: absent.value };
      case 'sameAs':
        // An earlier failure already explains this one.
        return earlier.has(absent.key) ? { ok: true, value: earlier.get(absent.key) } : undefined;
      case 'required':
        return fail(absent.message(ctx.section), null);
    }
  }
  try {
    let text =
      spec.scope === 'raw' ? raw : expand(raw, ctx.names(spec.scope), `${ctx.section}.${key}`);
    if (spec.again !== undefined) {
      text = expand(text, ctx.names(spec.again.scope), spec.again.label);
    }
    return { ok: true, value: spec.convert(text, ctx.convert) };
  } catch (error) {
    if (error instanceof InvalidValue) {
      return fail(error.message, raw);
    }
    throw error;
  }
};

export const readOptions = <S extends OptionTable>(
  table: S,
  ctx: SectionContext,
): ReadResult<S> => {
  const values = new Map<string, unknown>();
  const errors: ConfigError[] = [];
  for (const [key, spec] of Object.entries(table)) {
    const outcome = readOne(key, spec, ctx, values);
    if (outcome?.ok === true) {
      values.set(key, outcome.value);
    } else if (outcome !== undefined) {
      errors.push(outcome.error);
    }
  }
  if (errors.length > 0) {
    return { ok: false, errors };
  }
  // The map holds exactly the table's keys, each converted by that key's own converter.
  return { ok: true, values: Object.fromEntries(values) as TableValues<S> };
};
