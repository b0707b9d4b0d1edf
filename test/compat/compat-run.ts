// Runs one scenario against ours and the reference at the same time and compares the two
// transcripts step by step: equal, unless the step names an allowed difference.

import { appendFileSync } from 'node:fs';

import { expect } from 'vitest';

import { ALLOWED_DIFFERENCES } from './allowed-differences.js';
import { type CompatDaemon, startDaemons, stopDaemon } from './compat-daemons.js';
import type { Json } from './compat-normalize.js';
import { runScenario, type Step, type TranscriptEntry } from './compat-steps.js';

export interface Transcripts {
  readonly ours: readonly TranscriptEntry[];
  readonly reference: readonly TranscriptEntry[];
}

export const runOnBoth = async (programs: string, steps: readonly Step[]): Promise<Transcripts> => {
  let daemons: [CompatDaemon, CompatDaemon] | undefined;
  try {
    daemons = await startDaemons(programs);
    const [ours = [], reference = []] = await Promise.all(
      daemons.map((d) => runScenario(d, steps)),
    );
    const dump = process.env['COMPAT_DUMP'];
    if (dump !== undefined) {
      // For reading what the suite compares: COMPAT_DUMP=/some/file.json
      appendFileSync(dump, `${JSON.stringify({ ours, reference }, null, 1)}\n`);
    }
    return { ours, reference };
  } finally {
    await Promise.all((daemons ?? []).map((d) => stopDaemon(d)));
  }
};

/** The same content in a canonical order: lines of ctl output, members of rpc result arrays. */
const unordered = (result: Json): Json => {
  const key = (v: Json): string => JSON.stringify(v);
  if (Array.isArray(result)) {
    return result.map((r) =>
      typeof r === 'object' && r !== null && !Array.isArray(r) && Array.isArray(r['value'])
        ? { ...r, value: [...r['value']].sort((a, b) => key(a).localeCompare(key(b))) }
        : r,
    );
  }
  if (typeof result === 'object' && result !== null) {
    return Object.fromEntries(
      Object.entries(result).map(([k, v]) => [
        k,
        typeof v === 'string' ? v.split('\n').sort().join('\n') : v,
      ]),
    );
  }
  return result;
};

/** Step-by-step equality, with the label in the message so a failure says which command. */
export const expectSameTranscripts = ({ ours, reference }: Transcripts): void => {
  expect(ours.map((e) => e.label)).toEqual(reference.map((e) => e.label));
  ours.forEach((mine, i) => {
    const theirs = reference[i]?.result ?? null;
    const step = mine.label;
    const compare =
      mine.differs === undefined ? 'equal' : ALLOWED_DIFFERENCES[mine.differs].compare;
    switch (compare) {
      case 'equal':
        expect({ step, result: mine.result }).toEqual({ step, result: theirs });
        break;
      case 'unordered':
        expect({ step, result: unordered(mine.result) }).toEqual({
          step,
          result: unordered(theirs),
        });
        break;
      case 'skip':
        expect(
          mine.result,
          `${step}: allowed difference ${String(mine.differs)} no longer differs`,
        ).not.toEqual(theirs);
        break;
    }
  });
};
