// Tab completion in the shell: command names first, then (per command) group names or
// process names, `group:*` included, from getAllProcessInfo (in a fleet, `host:` names too). `:`, `*` and `-` are word
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

/** The candidate names for a verb's arguments (`kind`), given the word being typed. */
export type NameSource = (kind: 'groups' | 'processes', word: string) => Promise<readonly string[]>;

/** One server's names, from its process list. */
export const serverNames =
  (infos: () => Promise<readonly ProcessInfo[]>): NameSource =>
  async (kind, word) => {
    const known = await infos();
    return kind === 'groups' ? groupNames(known) : processNames(known, word);
  };

/**
 * Ours, a fleet's names: each name without a host (for every host that has it), then per host
 * `host:*` and `host:<namespec>` (`host:<group>:*` for groups of several). Groups: none, as
 * the verbs that take group names work on one server.
 */
export const fleetNames =
  (lists: () => Promise<ReadonlyMap<string, readonly ProcessInfo[]>>): NameSource =>
  async (kind, word) => {
    if (kind === 'groups') {
      return [];
    }
    const byHost = await lists();
    const names = processNames([...byHost.values()].flat(), word);
    for (const [host, infos] of byHost) {
      names.push(`${host}:*`);
      for (const name of processNames(infos, '')) {
        names.push(`${host}:${name}`);
      }
    }
    return [...new Set(names)];
  };

/** `names` is only called when names are wanted; a failure there means no candidates. */
export const completeLine = async (
  line: string,
  commands: readonly CtlCommand[],
  names: NameSource,
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
  let candidates: readonly string[];
  try {
    candidates = await names(kind, word);
  } catch {
    return { matches: [], word };
  }
  return { matches: withSpace(candidates, word), word };
};
