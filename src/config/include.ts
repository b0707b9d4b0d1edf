// Reading the main file and the files its [include] names (spec §1.3): globs relative to the
// main file's directory, bytes that must be UTF-8, the textual %(here)s passes, include
// messages, parse errors.

import { configError } from './errors.js';
import { scopeNames, type ExpansionNames } from './expand.js';
import type { ConfigHost } from './host.js';
import {
  EMPTY_INI,
  expandHereText,
  formatIniParseError,
  lineOwner,
  readIni,
  type IniDocument,
  type IniParseError,
} from './ini.js';
import { abspath, dirname, join } from './posix-path.js';
import { convertContext } from './load-context.js';
import { readOptions } from './read-options.js';
import { INCLUDE_OPTIONS } from './schema.js';
import type { ConfigError, ParseMessage } from './types.js';
import { decodeUtf8, decodeUtf8Lossy, utf8ProblemMessage } from './utf8.js';

export interface ConfigFiles {
  readonly doc: IniDocument;
  /** absolute directory of the main file */
  readonly here: string;
  /** files read, main first (the main file absolute) */
  readonly files: readonly string[];
  readonly messages: readonly ParseMessage[];
}

export type ReadFilesResult =
  | { readonly ok: true; readonly value: ConfigFiles }
  | { readonly ok: false; readonly errors: readonly ConfigError[] };

const globEscape = (path: string): string => path.replace(/([*?[])/g, '[$1]');

/** os.path.exists through the host: a directory, or anything a literal glob finds. */
export const pathExists = (host: ConfigHost, absolute: string): boolean =>
  host.isDirectory(absolute) || host.glob(globEscape(absolute)).length > 0;

const parseFailure = (
  error: IniParseError,
): { readonly ok: false; readonly errors: readonly ConfigError[] } => ({
  ok: false,
  errors: [
    configError(
      {
        file: error.file,
        line: error.kind === 'bad-lines' ? (error.lines[0]?.line ?? null) : error.line,
      },
      formatIniParseError(error),
    ),
  ],
});

/**
 * A file's text, or the reference's refusal of bytes that are not UTF-8 (its message, naming no
 * file), placed at the line and, where the line holds one, the section and option.
 */
const decodeFile = (
  bytes: Uint8Array,
  file: string,
):
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly errors: readonly ConfigError[] } => {
  const decoded = decodeUtf8(bytes);
  if (decoded.ok) {
    return decoded;
  }
  const { problem } = decoded;
  const owner = lineOwner(decodeUtf8Lossy(bytes), problem.line);
  return {
    ok: false,
    errors: [
      configError(
        {
          file,
          line: problem.line,
          section: owner?.section ?? null,
          option: owner?.option ?? null,
        },
        utf8ProblemMessage(bytes, problem),
      ),
    ],
  };
};

/** Reads one file for the ctl or the daemon: "could not find/read config file" as the reference. */
export const readMainFile = (
  path: string,
  host: ConfigHost,
):
  | { readonly ok: true; readonly doc: IniDocument }
  | { readonly ok: false; readonly errors: readonly ConfigError[] } => {
  const absolute = abspath(path, host.cwd);
  if (!pathExists(host, absolute)) {
    return {
      ok: false,
      errors: [configError({ file: path }, `could not find config file ${path}`)],
    };
  }
  const bytes = host.readFile(absolute);
  if (bytes === undefined) {
    return {
      ok: false,
      errors: [configError({ file: path }, `could not read config file ${path}`)],
    };
  }
  const text = decodeFile(bytes, path);
  if (!text.ok) {
    return text;
  }
  const read = readIni(EMPTY_INI, text.text, path);
  return read.ok ? read : parseFailure(read.error);
};

/** The main file and its [include]s, merged in the reference's order. */
export const readConfigFiles = (
  path: string,
  host: ConfigHost,
  env: ExpansionNames,
): ReadFilesResult => {
  const main = readMainFile(path, host);
  if (!main.ok) {
    return main;
  }
  const here = abspath(dirname(path), host.cwd);
  const files = [abspath(path, host.cwd)];
  const messages: ParseMessage[] = [];
  let doc = main.doc;
  if (!doc.sections.has('include')) {
    return { ok: true, value: { doc, here, files, messages } };
  }
  doc = expandHereText(doc, here);
  const header = doc.sections.get('include');
  const read = readOptions(INCLUDE_OPTIONS, {
    doc,
    section: 'include',
    convert: convertContext(host),
    names: (scope) => scopeNames(scope, { env, here, hostNodeName: host.hostname }),
    suffix: '',
    file: header?.file ?? path,
    line: header?.line ?? null,
  });
  if (!read.ok) {
    return read;
  }
  const patterns = read.values.files.split(/\s+/).filter((p) => p !== '');
  for (const pattern of patterns) {
    const joined = join(here, pattern);
    const matches = host.glob(joined);
    if (matches.length === 0) {
      messages.push({ level: 'warn', text: `No file matches via include "${joined}"` });
      continue;
    }
    for (const file of matches) {
      messages.push({ level: 'info', text: `Included extra file "${file}" during parsing` });
      // The reference silently skips matches it cannot open (directories, unreadable files).
      const bytes = host.readFile(file);
      if (bytes === undefined) {
        continue;
      }
      const text = decodeFile(bytes, file);
      if (!text.ok) {
        return text;
      }
      const read = readIni(doc, text.text, file);
      if (!read.ok) {
        return parseFailure(read.error);
      }
      files.push(file);
      doc = expandHereText(read.doc, abspath(dirname(file), host.cwd));
    }
  }
  return { ok: true, value: { doc, here, files, messages } };
};
