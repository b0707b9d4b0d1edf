// The lines a log view holds: text arrives in chunks that may end mid-line; the newest
// `maxLines` complete lines are kept (plus the unfinished one), so a chatty log never grows
// the page. Search picks the lines containing a string, ignoring case.

export interface LogLines {
  readonly lines: readonly string[];
  /** Text after the last newline, shown as the last line until it is finished. */
  readonly partial: string;
}

export const NO_LINES: LogLines = { lines: [], partial: '' };

export const appendLogText = (log: LogLines, text: string, maxLines: number): LogLines => {
  const pieces = (log.partial + text).split('\n');
  const partial = pieces.pop() ?? '';
  const lines = pieces.length === 0 ? log.lines : [...log.lines, ...pieces];
  return {
    lines: lines.length > maxLines ? lines.slice(lines.length - maxLines) : lines,
    partial,
  };
};

/** Every line, the unfinished one last. */
export const allLines = (log: LogLines): readonly string[] =>
  log.partial === '' ? log.lines : [...log.lines, log.partial];

/** A line cut into runs, `match` true for each occurrence of `query` (case ignored). */
export const highlightRuns = (
  line: string,
  query: string,
): { readonly text: string; readonly match: boolean }[] => {
  if (query === '') {
    return [{ text: line, match: false }];
  }
  const runs: { text: string; match: boolean }[] = [];
  const lower = line.toLowerCase();
  const needle = query.toLowerCase();
  let at = 0;
  for (let found = lower.indexOf(needle); found !== -1; found = lower.indexOf(needle, at)) {
    if (found > at) {
      runs.push({ text: line.slice(at, found), match: false });
    }
    runs.push({ text: line.slice(found, found + needle.length), match: true });
    at = found + needle.length;
  }
  if (at < line.length) {
    runs.push({ text: line.slice(at), match: false });
  }
  return runs;
};

export const matchingLines = (lines: readonly string[], query: string): readonly string[] => {
  if (query === '') {
    return lines;
  }
  const needle = query.toLowerCase();
  return lines.filter((line) => line.toLowerCase().includes(needle));
};
