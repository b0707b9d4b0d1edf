// The `-f` / `-NUM` first argument of tail and maintail: follow, or how many bytes to read.

import { parsePyInt } from '../line-parse.js';

export const DEFAULT_TAIL_BYTES = 1600;

export type TailModifier =
  | { readonly kind: 'follow' }
  | { readonly kind: 'bytes'; readonly bytes: number }
  | { readonly kind: 'bad'; readonly word: string };

/** `word` starts with '-'. `-0` and `--5` are accepted: they read from offset 0 / 5. */
export const parseTailModifier = (word: string): TailModifier => {
  const what = word.slice(1);
  if (what === 'f') {
    return { kind: 'follow' };
  }
  const bytes = parsePyInt(what);
  return bytes === null ? { kind: 'bad', word } : { kind: 'bytes', bytes };
};
