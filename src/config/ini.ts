// supervisord's INI dialect (Python 3 RawConfigParser with inline comments and strict=False):
// one file → sections of options that remember file:line; files merge into an IniDocument.

import { isPySpace, pyRepr, pyRstrip, pyStrip } from './python-str.js';

export interface IniValue {
  readonly text: string;
  readonly file: string;
  readonly line: number;
}

export interface IniSection {
  readonly name: string;
  /** where the section was first opened */
  readonly file: string;
  readonly line: number;
  /** lower-cased keys, in first-seen order */
  readonly options: ReadonlyMap<string, IniValue>;
}

/** Everything read so far; `[DEFAULT]` is kept apart and inherited by every section. */
export interface IniDocument {
  readonly sections: ReadonlyMap<string, IniSection>;
  readonly defaults: ReadonlyMap<string, IniValue>;
}

export type IniParseError =
  | {
      readonly kind: 'no-section-header';
      readonly file: string;
      readonly line: number;
      readonly text: string;
    }
  | { readonly kind: 'bad-lines'; readonly file: string; readonly lines: readonly BadLine[] };

export interface BadLine {
  readonly line: number;
  readonly text: string;
}

export const EMPTY_INI: IniDocument = { sections: new Map(), defaults: new Map() };

const DEFAULT_SECTION = 'DEFAULT';

interface PendingOption {
  readonly parts: string[];
  readonly line: number;
}

interface PendingSection {
  readonly line: number;
  readonly options: Map<string, PendingOption>;
}

/**
 * Where an inline comment starts. Replicates the reference's scan exactly, including its quirk:
 * both prefixes advance together and the first round with any qualifying hit wins, so an earlier
 * qualifying `#` can lose to a `;` found in the same round.
 */
const inlineCommentStart = (line: string): number | undefined => {
  let start = Number.POSITIVE_INFINITY;
  let candidates = new Map<string, number>([
    [';', -1],
    ['#', -1],
  ]);
  while (start === Number.POSITIVE_INFINITY && candidates.size > 0) {
    const next = new Map<string, number>();
    for (const [prefix, from] of candidates) {
      const index = line.indexOf(prefix, from + 1);
      if (index === -1) {
        continue;
      }
      next.set(prefix, index);
      if (index === 0 || isPySpace(line.charAt(index - 1))) {
        start = Math.min(start, index);
      }
    }
    candidates = next;
  }
  return start === Number.POSITIVE_INFINITY ? undefined : start;
};

const commentStart = (line: string): number | undefined => {
  const stripped = pyStrip(line);
  if (stripped.startsWith('#') || stripped.startsWith(';')) {
    return 0;
  }
  return inlineCommentStart(line);
};

const indentOf = (line: string): number => {
  for (let i = 0; i < line.length; i += 1) {
    if (!isPySpace(line.charAt(i))) {
      return i;
    }
  }
  return 0;
};

/** `[header]` with the greedy match of the reference: the last `]` closes it. */
const sectionHeader = (value: string): string | undefined => {
  if (!value.startsWith('[')) {
    return undefined;
  }
  const close = value.lastIndexOf(']');
  return close >= 2 ? value.slice(1, close) : undefined;
};

/** Python's text-mode line iteration: universal newlines, each line keeps its `\n`. */
const splitLines = (text: string): string[] => {
  const normalized = text.replace(/\r\n?/g, '\n');
  const lines = normalized.split('\n').map((l) => `${l}\n`);
  const last = lines.pop();
  if (last !== undefined && last !== '\n') {
    lines.push(last.slice(0, -1));
  }
  return lines;
};

interface ParsedFile {
  readonly file: string;
  readonly sections: Map<string, PendingSection>;
}

/** What a line belongs to: its section, and the option whose name or value it holds. */
export interface LineOwner {
  readonly section: string;
  readonly option: string | null;
}

/** `owners`, when given, learns the owner of each header, option and continuation line. */
const parseFile = (
  text: string,
  file: string,
  owners?: Map<number, LineOwner>,
): ParsedFile | IniParseError => {
  const sections = new Map<string, PendingSection>();
  const bad: BadLine[] = [];
  let current: PendingSection | undefined;
  let currentName = '';
  let optionName: string | undefined;
  let indentLevel = 0;
  const lines = splitLines(text);

  for (const [index, raw] of lines.entries()) {
    const lineNo = index + 1;
    const comment = commentStart(raw);
    const value = pyStrip(raw.slice(0, comment));
    if (value === '') {
      // The reference keeps blank lines inside a value, but not comment-only lines.
      if (comment === undefined && current !== undefined && optionName) {
        current.options.get(optionName)?.parts.push('');
        owners?.set(lineNo, { section: currentName, option: optionName });
      }
      continue;
    }
    const indent = indentOf(raw);
    if (current !== undefined && optionName && indent > indentLevel) {
      current.options.get(optionName)?.parts.push(value);
      owners?.set(lineNo, { section: currentName, option: optionName });
      continue;
    }
    indentLevel = indent;
    const header = sectionHeader(value);
    if (header !== undefined) {
      current = sections.get(header);
      if (current === undefined) {
        current = { line: lineNo, options: new Map() };
        sections.set(header, current);
      }
      currentName = header;
      optionName = undefined;
      owners?.set(lineNo, { section: header, option: null });
      continue;
    }
    if (current === undefined) {
      return { kind: 'no-section-header', file, line: lineNo, text: raw };
    }
    const delimiter = value.search(/[=:]/);
    if (delimiter === -1) {
      bad.push({ line: lineNo, text: raw });
      continue;
    }
    const name = pyRstrip(value.slice(0, delimiter)).toLowerCase();
    if (name === '') {
      bad.push({ line: lineNo, text: raw });
    }
    optionName = name;
    current.options.set(name, { parts: [pyStrip(value.slice(delimiter + 1))], line: lineNo });
    owners?.set(lineNo, { section: currentName, option: name === '' ? null : name });
  }
  return bad.length > 0 ? { kind: 'bad-lines', file, lines: bad } : { file, sections };
};

/** The owner of line `line` of a file's text; undefined for comments, blanks and stray lines. */
export const lineOwner = (text: string, line: number): LineOwner | undefined => {
  const owners = new Map<number, LineOwner>();
  parseFile(text, '', owners);
  return owners.get(line);
};

const isParseError = (r: ParsedFile | IniParseError): r is IniParseError => 'kind' in r;

const joinParts = (parts: readonly string[]): string => pyRstrip(parts.join('\n'));

const mergeOptions = (
  into: ReadonlyMap<string, IniValue>,
  from: ReadonlyMap<string, PendingOption>,
  file: string,
): Map<string, IniValue> => {
  const merged = new Map(into);
  for (const [key, option] of from) {
    merged.set(key, { text: joinParts(option.parts), file, line: option.line });
  }
  return merged;
};

/** Reads one file into the document; sections already present merge, later keys win. */
export const readIni = (
  doc: IniDocument,
  text: string,
  file: string,
):
  | { readonly ok: true; readonly doc: IniDocument }
  | { readonly ok: false; readonly error: IniParseError } => {
  const parsed = parseFile(text, file);
  if (isParseError(parsed)) {
    return { ok: false, error: parsed };
  }
  const sections = new Map(doc.sections);
  let defaults = doc.defaults;
  for (const [name, section] of parsed.sections) {
    if (name === DEFAULT_SECTION) {
      defaults = mergeOptions(defaults, section.options, file);
      continue;
    }
    const existing = sections.get(name);
    sections.set(name, {
      name,
      file: existing?.file ?? file,
      line: existing?.line ?? section.line,
      options: mergeOptions(existing?.options ?? new Map(), section.options, file),
    });
  }
  return { ok: true, doc: { sections, defaults } };
};

/** A key's value as the reference's parser.get sees it: the section's own, else [DEFAULT]'s. */
export const iniGet = (doc: IniDocument, section: string, key: string): IniValue | undefined =>
  doc.sections.get(section)?.options.get(key) ?? doc.defaults.get(key);

/** All keys visible in a section, [DEFAULT]'s first (the reference's parser.items order). */
export const iniKeys = (doc: IniDocument, section: string): string[] => {
  const own = doc.sections.get(section)?.options;
  return [...new Set([...doc.defaults.keys(), ...(own?.keys() ?? [])])];
};

const HERE = '%(here)s';

/** The textual `%(here)s` pass run around [include] (spec §1.3); inherited keys get copied. */
export const expandHereText = (doc: IniDocument, here: string): IniDocument => {
  const sections = new Map<string, IniSection>();
  for (const [name, section] of doc.sections) {
    const options = new Map(section.options);
    for (const key of iniKeys(doc, name)) {
      const value = iniGet(doc, name, key);
      if (value?.text.includes(HERE)) {
        options.set(key, { ...value, text: value.text.replaceAll(HERE, here) });
      }
    }
    sections.set(name, { ...section, options });
  }
  return { sections, defaults: doc.defaults };
};

/** The reference's parse-error texts (configparser's str(ParsingError) and friends). */
export const formatIniParseError = (error: IniParseError): string => {
  if (error.kind === 'no-section-header') {
    return `File contains no section headers.\nfile: ${pyRepr(error.file)}, line: ${error.line}\n${pyRepr(error.text)}`;
  }
  const lines = error.lines.map(
    (bad) => `\n\t[line ${String(bad.line).padStart(2)}]: ${pyRepr(bad.text)}`,
  );
  return `Source contains parsing errors: ${pyRepr(error.file)}${lines.join('')}`;
};
