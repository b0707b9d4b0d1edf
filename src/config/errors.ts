// Building and printing ConfigErrors: the reference's section suffix for process-level errors and
// a one-line form with file:line for humans and editors.

import { pyRepr } from './python-str.js';
import type { ConfigError } from './types.js';

/** What the reference appends to errors raised while building a program's processes. */
export const sectionSuffix = (section: string, file: string): string =>
  ` in section ${pyRepr(section)} (file: ${pyRepr(file)})`;

export interface ErrorPlace {
  readonly file: string;
  readonly line?: number | null;
  readonly section?: string | null;
  readonly option?: string | null;
  readonly value?: string | null;
}

export const configError = (place: ErrorPlace, message: string): ConfigError => ({
  file: place.file,
  line: place.line ?? null,
  section: place.section ?? null,
  option: place.option ?? null,
  value: place.value ?? null,
  message,
});

/**
 * `file:line: [section] option: message` — where the problem is, then supervisord's text. The
 * daemon prints `Error: <message>` as supervisord does; this form is for logs and `reread` detail.
 */
export const formatConfigError = (e: ConfigError): string => {
  const at = e.line === null ? e.file : `${e.file}:${e.line}`;
  const section = e.section === null ? '' : ` [${e.section}]`;
  const option = e.option === null ? '' : ` ${e.option}`;
  const where = section === '' && option === '' ? '' : `${section}${option}:`;
  return `${at}:${where} ${e.message}`;
};
