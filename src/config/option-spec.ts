// The shape of one schema entry: how an option is expanded, converted and defaulted. Tables of
// these live in schema.ts; read-options.ts evaluates them.

import type { NameScope } from './expand.js';
import type { Converter } from './values.js';

/** What an absent key means. */
export type Absent<T> =
  /** the reference's default, as INI text, run through expansion and conversion like a value */
  | { readonly kind: 'text'; readonly text: string }
  /** a default only known at load time (e.g. the temp dir), also run through conversion */
  | { readonly kind: 'host'; readonly key: 'tempDir' }
  /** "not set" */
  | { readonly kind: 'value'; readonly value: T }
  /** the converted value of an option read earlier in the same table */
  | { readonly kind: 'sameAs'; readonly key: string }
  /** an error: the option is required */
  | { readonly kind: 'required'; readonly message: (section: string) => string };

export interface OptionSpec<T> {
  /** which %(names)s are available; 'raw' = read unexpanded (the builder expands it later) */
  readonly scope: NameScope | 'raw';
  readonly convert: Converter<T>;
  readonly absent: Absent<T>;
  /** a second expansion the reference applies to the result, with its own label */
  readonly again?: { readonly scope: NameScope; readonly label: string };
}

export type OptionTable = Readonly<Record<string, OptionSpec<unknown>>>;

export type TableValues<S extends OptionTable> = {
  readonly [K in keyof S]: S[K] extends OptionSpec<infer T> ? T : never;
};

export const withDefault = <T>(
  convert: Converter<T>,
  text: string,
  scope: NameScope | 'raw',
): OptionSpec<T> => ({ scope, convert, absent: { kind: 'text', text } });

export const optional = <T>(
  convert: Converter<T>,
  scope: NameScope | 'raw',
): OptionSpec<T | null> => ({
  scope,
  convert,
  absent: { kind: 'value', value: null },
});

export const required = <T>(
  convert: Converter<T>,
  scope: NameScope,
  message: (section: string) => string,
): OptionSpec<T> => ({ scope, convert, absent: { kind: 'required', message } });
