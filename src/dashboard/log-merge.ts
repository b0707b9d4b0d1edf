// A process's stdout and stderr in one pane: each line tagged with its stream; the tails read
// back merged by the timestamps the program wrote at the start of its lines (when both have
// them), else stdout's then stderr's; and the timestamp a line starts with, which the pane
// shows dimmed. Pure.

export type StreamName = 'stdout' | 'stderr';

/** What each line starts with in the merged view. */
export const STREAM_TAGS: Readonly<Record<StreamName, string>> = {
  stdout: 'out│ ',
  stderr: 'err│ ',
};

/**
 * A date and time at the very start of a line, perhaps in brackets: `2024-05-01 12:00:00`,
 * `2024-05-01T12:00:00.123Z`, `[2024-05-01 12:00:00,123 +0000]` (ISO 8601, Python's logging,
 * gunicorn's). Groups: date, time, fraction.
 */
const LEADING_TIMESTAMP =
  /^\[?(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:[.,](\d{1,9}))?(?:\s?(?:Z|[+-]\d{2}:?\d{2}))?\]?/;

export interface LeadingTimestamp {
  /** How many characters of the line it takes. */
  readonly length: number;
  /** Sorts as the times do (for lines of the same program). */
  readonly key: string;
}

export const leadingTimestamp = (line: string): LeadingTimestamp | null => {
  const match = LEADING_TIMESTAMP.exec(line);
  if (match === null) {
    return null;
  }
  const [whole, date, time, fraction] = match;
  return {
    length: whole.length,
    key: `${date ?? ''}T${time ?? ''}.${(fraction ?? '').padEnd(9, '0')}`,
  };
};

/** The complete lines of a text, and the rest after the last newline. */
const splitLines = (text: string): { readonly lines: string[]; readonly rest: string } => {
  const lines = text.split('\n');
  const rest = lines.pop() ?? '';
  return { lines, rest };
};

/** Tags the lines of one stream as they arrive: only complete lines come out. */
export const createLineTagger = (stream: StreamName) => {
  let rest = '';
  return {
    push: (text: string): string => {
      const split = splitLines(rest + text);
      rest = split.rest;
      return split.lines.map((line) => `${STREAM_TAGS[stream]}${line}\n`).join('');
    },
  };
};

interface Tagged {
  readonly text: string;
  readonly key: string | null;
}

const tagged = (text: string, stream: StreamName): Tagged[] => {
  const { lines, rest } = splitLines(text);
  return [...lines, ...(rest === '' ? [] : [rest])].map((line) => ({
    text: `${STREAM_TAGS[stream]}${line}`,
    key: leadingTimestamp(line)?.key ?? null,
  }));
};

/** Two sorted runs into one; a line without a time goes where the line before it went. */
const mergeByTime = (a: readonly Tagged[], b: readonly Tagged[]): Tagged[] => {
  const out: Tagged[] = [];
  let i = 0;
  let j = 0;
  let lastA = '';
  let lastB = '';
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    const keyA = x?.key ?? lastA;
    const keyB = y?.key ?? lastB;
    if (y === undefined || (x !== undefined && keyA <= keyB)) {
      out.push(x as Tagged);
      lastA = keyA;
      i += 1;
    } else {
      out.push(y);
      lastB = keyB;
      j += 1;
    }
  }
  return out;
};

/** The tails of both streams read back, as the merged view starts out (complete lines). */
export const mergeTails = (stdout: string, stderr: string): string => {
  const out = tagged(stdout, 'stdout');
  const err = tagged(stderr, 'stderr');
  const timed = (lines: readonly Tagged[]) => lines.some((l) => l.key !== null);
  const merged = timed(out) && timed(err) ? mergeByTime(out, err) : [...out, ...err];
  return merged.map((line) => `${line.text}\n`).join('');
};

/** Where the program's own text starts: after a stream tag, if the line has one. */
export const tagLength = (line: string): number =>
  line.startsWith(STREAM_TAGS.stdout) || line.startsWith(STREAM_TAGS.stderr)
    ? STREAM_TAGS.stdout.length
    : 0;
