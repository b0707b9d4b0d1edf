// Tab completion in the shell: command names first, then (per command) group names or
// process names, `group:*` included, from getAllProcessInfo. `:`, `*` and `-` are word
// characters, so `web:we<TAB>` completes as one word.

import type { ProcessInfo } from '../protocol/process-info.js';
import type { CtlCommand } from './commands/command.js';
import { splitWords } from './line-parse.js';
import type { Completion } from '../ports/terminal.js';

/** GNU readline's default word breaks, less the three characters namespecs use. */
const WORD_BREAKS = new Set(Array.from(' \t\n"\\\'`@$><=;|&{('));

const currentWord = (line: string): string => {
  let start = line.length;
  while (start > 0 && !WORD_BREAKS.has(line[start - 1] ?? ' ')) {
    start--;
  }
  return line.slice(start);
};

const withSpace = (candidates: readonly string[], word: string): string[] =>
  candidates.filter((c) => c.startsWith(word)).map((c) => `${c} `);

const actionNames = (commands: readonly CtlCommand[]): string[] => [
  'help',
  ...commands.filter((c) => c.listed).map((c) => c.name),
];

const groupNames = (infos: readonly ProcessInfo[]): string[] => [
  ...new Set(infos.map((info) => info.group)),
];

const processNames = (infos: readonly ProcessInfo[], word: string): string[] => {
  const names: string[] = [];
  for (const info of infos) {
    if (word.includes(':') || info.name !== info.group) {
      names.push(`${info.group}:${info.name}`);
      if (!names.includes(`${info.group}:*`)) {
        names.push(`${info.group}:*`);
      }
    } else {
      names.push(info.name);
    }
  }
  return names;
};

/** `infos` is only called when names are wanted; a failure there means no candidates. */
export const completeLine = async (
  line: string,
  commands: readonly CtlCommand[],
  infos: () => Promise<readonly ProcessInfo[]>,
): Promise<Completion> => {
  const word = currentWord(line);
  const words = splitWords(line);
  const verb = words[0];
  if (verb === undefined || (words.length === 1 && !line.endsWith(' '))) {
    return { matches: withSpace(actionNames(commands), word), word };
  }
  const kind = commands.find((c) => c.name === verb)?.completes ?? 'nothing';
  if (kind === 'actions') {
    return { matches: withSpace(actionNames(commands), word), word };
  }
  if (kind === 'nothing') {
    return { matches: [], word };
  }
  let known: readonly ProcessInfo[];
  try {
    known = await infos();
  } catch {
    return { matches: [], word };
  }
  const candidates = kind === 'groups' ? groupNames(known) : processNames(known, word);
  return { matches: withSpace(candidates, word), word };
};
