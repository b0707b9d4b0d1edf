// Where each part of the screen goes for a terminal size: header, column titles, the table,
// the log pane (when there is room, or all of it when full screen), the status line and the key
// footer; and whether the terminal is too small for any of it. Pure.

export interface Size {
  readonly cols: number;
  readonly rows: number;
}

export interface Layout {
  /** Below MIN_SIZE: the screen only says so (and how to get help or quit). */
  readonly tooSmall: boolean;
  readonly cols: number;
  readonly rows: number;
  /** The log pane takes the place of the table (and its column titles). */
  readonly zoomed: boolean;
  /** The table's rows below its column titles; 0 while the log is full screen. */
  readonly tableHeight: number;
  /** The log pane's lines below its title row; 0 when there is no room. */
  readonly logHeight: number;
  readonly statusRow: number;
  readonly footerRow: number;
}

/** Rows every layout has: header, status line, footer. */
const FIXED_ROWS = 3;
/** Below this many rows for table and log together, the log pane is left out. */
const MIN_ROWS_FOR_LOG = 9;
const LOG_SHARE = 0.35;
const MAX_LOG_HEIGHT = 20;
const MIN_LOG_HEIGHT = 4;

/** The least the dashboard lays itself out in. */
export const MIN_SIZE: Size = { cols: 40, rows: 8 };
/** The size everything fits in (every column, the whole footer's essentials, the log pane). */
export const FULL_SIZE: Size = { cols: 80, rows: 24 };

export const layoutFor = (size: Size, zoomed = false): Layout => {
  const cols = Math.max(20, size.cols);
  const rows = Math.max(FIXED_ROWS + 2, size.rows);
  const common = {
    tooSmall: size.cols < MIN_SIZE.cols || size.rows < MIN_SIZE.rows,
    cols,
    rows,
    zoomed,
    statusRow: rows - 2,
    footerRow: rows - 1,
  };
  // Below the header: the column titles and the table, or the log pane's title and its lines.
  const available = rows - FIXED_ROWS - 1;
  if (zoomed) {
    return { ...common, tableHeight: 0, logHeight: available };
  }
  const logHeight =
    available < MIN_ROWS_FOR_LOG
      ? 0
      : Math.min(MAX_LOG_HEIGHT, Math.max(MIN_LOG_HEIGHT, Math.round(available * LOG_SHARE)));
  // The log pane's title row is taken from the table's share too.
  return { ...common, tableHeight: available - (logHeight === 0 ? 0 : logHeight + 1), logHeight };
};
