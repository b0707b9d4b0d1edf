// The `help` topic list: a header, an `=` ruler and the names in as few rows as fit in 79
// columns, column-major, each column padded to its widest name (Python cmd's columnize).

const DISPLAY_WIDTH = 79;

const columnize = (names: readonly string[]): string[] => {
  if (names.length === 0) {
    return ['<empty>'];
  }
  if (names.length === 1) {
    return [names[0] ?? ''];
  }
  const size = names.length;
  let rows = size;
  // Nothing fits: one name per row, unpadded.
  let widths: number[] = [0];
  for (let tryRows = 1; tryRows < size; tryRows++) {
    const cols = Math.ceil(size / tryRows);
    const colWidths: number[] = [];
    let total = -2;
    for (let col = 0; col < cols; col++) {
      const column = names.slice(col * tryRows, (col + 1) * tryRows);
      const width = Math.max(0, ...column.map((n) => n.length));
      colWidths.push(width);
      total += width + 2;
      if (total > DISPLAY_WIDTH) {
        break;
      }
    }
    if (total <= DISPLAY_WIDTH) {
      rows = tryRows;
      widths = colWidths;
      break;
    }
  }
  const lines: string[] = [];
  for (let row = 0; row < rows; row++) {
    const cells: string[] = [];
    for (let col = 0; col < widths.length; col++) {
      cells.push(names[row + rows * col] ?? '');
    }
    while (cells.length > 0 && cells[cells.length - 1] === '') {
      cells.pop();
    }
    lines.push(cells.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join('  '));
  }
  return lines;
};

/** The full `help` listing, blank line first and last, as supervisorctl prints it. */
export const renderHelpTopics = (header: string, names: readonly string[]): string[] => [
  '',
  header,
  '='.repeat(header.length),
  ...columnize(names),
  '',
];
