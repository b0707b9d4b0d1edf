// Where each part of the screen goes for a terminal size: header, column titles, the table,
// the log pane (when there is room), the status line and the key footer; and whether the
// terminal is too small for any of it. Pure.

export interface Size {
  readonly cols: number;
  readonly rows: number;
}

export interface Layout {
  /** Below MIN_SIZE: the screen only says so (and how to get help or quit). */
  readonly tooSmall: boolean;
  readonly cols: number;
  readonly rows: number;
  readonly headerRow: 0;
  readonly titlesRow: 1;
  /** The first row of table body. */
  readonly tableTop: number;
  readonly tableHeight: number;
  /** The log pane's title row, then its lines; logHeight 0 when there is no room. */
  readonly logTitleRow: number;
  readonly logTop: number;
  readonly logHeight: number;
  readonly statusRow: number;
  readonly footerRow: number;
}

/** Rows every layout has: header, column titles, status line, footer. */
const FIXED_ROWS = 4;
/** Below this many rows for table and log together, the log pane is left out. */
const MIN_ROWS_FOR_LOG = 9;
const LOG_SHARE = 0.35;
const MAX_LOG_HEIGHT = 20;
const MIN_LOG_HEIGHT = 4;

/** The least the dashboard lays itself out in. */
export const MIN_SIZE: Size = { cols: 40, rows: 8 };
/** The size everything fits in (every column, the whole footer's essentials, the log pane). */
export const FULL_SIZE: Size = { cols: 80, rows: 24 };

export const layoutFor = (size: Size): Layout => {
  const cols = Math.max(20, size.cols);
  const rows = Math.max(FIXED_ROWS + 1, size.rows);
  const available = rows - FIXED_ROWS;
  const logHeight =
    available < MIN_ROWS_FOR_LOG
      ? 0
      : Math.min(MAX_LOG_HEIGHT, Math.max(MIN_LOG_HEIGHT, Math.round(available * LOG_SHARE)));
  // The log pane's title row is taken from the table's share too.
  const tableHeight = available - (logHeight === 0 ? 0 : logHeight + 1);
  const tableTop = 2;
  const logTitleRow = tableTop + tableHeight;
  return {
    tooSmall: size.cols < MIN_SIZE.cols || size.rows < MIN_SIZE.rows,
    cols,
    rows,
    headerRow: 0,
    titlesRow: 1,
    tableTop,
    tableHeight,
    logTitleRow,
    logTop: logTitleRow + 1,
    logHeight,
    statusRow: rows - 2,
    footerRow: rows - 1,
  };
};
