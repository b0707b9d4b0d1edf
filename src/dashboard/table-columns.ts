// The process table's columns and their widths for a terminal width: the name (and HEALTH,
// when shown) grow up to a limit, the info column takes the rest, and on narrow terminals the
// least useful go first. Pure.

export type ColumnId =
  | 'host'
  | 'name'
  | 'state'
  | 'health'
  | 'pid'
  | 'uptime'
  | 'restarts'
  | 'cpu'
  | 'cpuTrend'
  | 'memory'
  | 'memoryTrend'
  | 'info';

export interface Column {
  readonly id: ColumnId;
  readonly title: string;
  readonly width: number;
  readonly align: 'left' | 'right';
}

interface ColumnSpec extends Column {
  /** Columns are dropped from the highest rank down when the terminal is too narrow. */
  readonly dropRank: number;
}

/** The selection marker before each row (`▶ `). */
export const MARKER_WIDTH = 2;
const GAP = 1;
const NAME_MIN = 14;
const NAME_MAX = 40;
const HEALTH_MIN = 10;
const HEALTH_MAX = 32;

const SPECS: readonly ColumnSpec[] = [
  { id: 'host', title: 'HOST', width: 4, align: 'left', dropRank: 0 },
  { id: 'name', title: 'NAME', width: NAME_MIN, align: 'left', dropRank: 0 },
  { id: 'state', title: 'STATE', width: 9, align: 'left', dropRank: 0 },
  { id: 'health', title: 'HEALTH', width: HEALTH_MIN, align: 'left', dropRank: 1 },
  { id: 'pid', title: 'PID', width: 7, align: 'right', dropRank: 5 },
  { id: 'uptime', title: 'UPTIME', width: 10, align: 'right', dropRank: 6 },
  { id: 'restarts', title: '↺', width: 3, align: 'right', dropRank: 7 },
  { id: 'cpu', title: 'CPU%', width: 6, align: 'right', dropRank: 2 },
  { id: 'cpuTrend', title: '', width: 8, align: 'left', dropRank: 8 },
  { id: 'memory', title: 'RSS', width: 7, align: 'right', dropRank: 4 },
  { id: 'memoryTrend', title: '', width: 8, align: 'left', dropRank: 9 },
  { id: 'info', title: 'INFO', width: 12, align: 'left', dropRank: 3 },
];

const widthOf = (columns: readonly Column[]): number =>
  MARKER_WIDTH + columns.reduce((total, c) => total + c.width, 0) + GAP * (columns.length - 1);

/**
 * What the rows need: the widest name, the widest HEALTH text and, in a fleet, the widest
 * host name (null: no such column).
 */
export interface ColumnNeeds {
  readonly longestName: number;
  readonly longestHealth: number | null;
  readonly longestHost: number | null;
}

const growth = (spare: number, wanted: number, min: number, max: number): number =>
  Math.min(spare, Math.max(0, Math.min(wanted, max) - min));

export const columnsFor = (
  cols: number,
  needs: ColumnNeeds = { longestName: NAME_MAX, longestHealth: null, longestHost: null },
): readonly Column[] => {
  const { longestHost } = needs;
  let specs = SPECS.filter(
    (s) =>
      (s.id !== 'health' || needs.longestHealth !== null) &&
      (s.id !== 'host' || longestHost !== null),
  ).map((s) =>
    s.id === 'host' && longestHost !== null ? { ...s, width: Math.max(s.width, longestHost) } : s,
  );
  while (widthOf(specs) > cols) {
    const dropped = specs.reduce((a, b) => (b.dropRank > a.dropRank ? b : a));
    if (dropped.dropRank === 0) {
      break;
    }
    specs = specs.filter((s) => s !== dropped);
  }
  let spare = Math.max(0, cols - widthOf(specs));
  const nameGrowth = growth(spare, needs.longestName, NAME_MIN, NAME_MAX);
  spare -= nameGrowth;
  const hasHealth = specs.some((s) => s.id === 'health');
  const healthGrowth = hasHealth
    ? growth(spare, needs.longestHealth ?? 0, HEALTH_MIN, HEALTH_MAX)
    : 0;
  spare -= healthGrowth;
  const hasInfo = specs.some((s) => s.id === 'info');
  const extra: Partial<Record<ColumnId, number>> = {
    name: nameGrowth + (hasInfo ? 0 : spare),
    health: healthGrowth,
    info: spare,
  };
  return specs.map(({ id, title, width, align }) => ({
    id,
    title,
    align,
    width: width + (extra[id] ?? 0),
  }));
};

export const COLUMN_GAP = GAP;
