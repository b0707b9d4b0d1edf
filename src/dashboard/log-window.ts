// Which log lines the pane shows: each line takes one row, or with wrap as many as its length
// needs; the window ends `scrollBack` lines before the end, and the furthest back it goes still
// fills the pane from the first line. Pure: the reducer scrolls with it, the view draws with it.

export interface LogViewport {
  readonly height: number;
  readonly width: number;
  readonly wrap: boolean;
}

/** The rows one line takes. */
export const rowsOf = (line: string, viewport: LogViewport): number =>
  viewport.wrap ? Math.max(1, Math.ceil(Array.from(line).length / Math.max(1, viewport.width))) : 1;

/** The lines [first, end) on screen; a line taller than the pane is shown by its end. */
export const logWindow = (
  lines: readonly string[],
  scrollBack: number,
  viewport: LogViewport,
): { readonly first: number; readonly end: number } => {
  const end = Math.max(0, lines.length - scrollBack);
  let first = end;
  let rows = 0;
  while (first > 0) {
    const next = rowsOf(lines[first - 1] ?? '', viewport);
    if (rows + next > viewport.height) {
      break;
    }
    rows += next;
    first -= 1;
  }
  return { first: first === end && end > 0 ? end - 1 : first, end };
};

/** The most lines the pane can be scrolled back: further, the first line would leave the top. */
export const maxScrollBack = (lines: readonly string[], viewport: LogViewport): number => {
  let end = 0;
  let rows = 0;
  while (end < lines.length) {
    const next = rowsOf(lines[end] ?? '', viewport);
    if (rows + next > viewport.height) {
      break;
    }
    rows += next;
    end += 1;
  }
  return Math.max(0, lines.length - Math.max(1, end));
};
