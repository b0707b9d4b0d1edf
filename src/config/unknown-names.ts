// Names supervisord silently ignores: sections of no known kind and options a known section does
// not read, each with its file:line and the nearest known name. Warnings, never errors.

import { nearestName } from './edit-distance.js';
import type { IniDocument } from './ini.js';
import { SECTION_KINDS, sectionKindOf } from './known-sections.js';
import type { UnknownName } from './types.js';

const COLON_KINDS = SECTION_KINDS.filter((k) => k.match === 'colon').map((k) => k.name);
const PLAIN_KINDS = SECTION_KINDS.filter((k) => k.match !== 'colon').map((k) => k.name);

/** Every option of every section kind: what a [DEFAULT] option may be meant for. */
const ALL_OPTIONS = [
  ...new Set(SECTION_KINDS.flatMap((k) => (k.options === 'any' ? [] : k.options))),
];

/** How the section was probably meant to be written: `[program:web]` for `[progam:web]`. */
const sectionSuggestion = (name: string): string | null => {
  const colon = name.indexOf(':');
  if (colon !== -1) {
    const head = nearestName(name.slice(0, colon), COLON_KINDS);
    return head === undefined ? null : `[${head}${name.slice(colon)}]`;
  }
  const plain = nearestName(name, PLAIN_KINDS);
  if (plain !== undefined) {
    return `[${plain}]`;
  }
  const head = nearestName(name, COLON_KINDS);
  return head === undefined ? null : `[${head}:…]`;
};

/** The unknown names of a merged document, in the order the document holds them. */
export const findUnknownNames = (doc: IniDocument): UnknownName[] => {
  const found: UnknownName[] = [];
  for (const [key, value] of doc.defaults) {
    if (!ALL_OPTIONS.includes(key)) {
      const suggestion = nearestName(key, ALL_OPTIONS) ?? null;
      found.push({
        file: value.file,
        line: value.line,
        section: 'DEFAULT',
        option: key,
        suggestion,
      });
    }
  }
  for (const section of doc.sections.values()) {
    const kind = sectionKindOf(section.name);
    if (kind === undefined) {
      const { file, line, name } = section;
      found.push({ file, line, section: name, option: null, suggestion: sectionSuggestion(name) });
      continue;
    }
    const known = kind.options;
    if (known === 'any') {
      continue;
    }
    for (const [key, value] of section.options) {
      if (!known.includes(key)) {
        found.push({
          file: value.file,
          line: value.line,
          section: section.name,
          option: key,
          suggestion: nearestName(key, known) ?? null,
        });
      }
    }
  }
  return found;
};

/** `file:line: [program:web] autorestrat: unknown option, ignored; did you mean autorestart?` */
export const formatUnknownName = (u: UnknownName): string => {
  const what =
    u.option === null
      ? `[${u.section}]: unknown section`
      : `[${u.section}] ${u.option}: unknown option`;
  const hint = u.suggestion === null ? '' : `; did you mean ${u.suggestion}?`;
  return `${u.file}:${u.line}: ${what}, ignored${hint}`;
};
