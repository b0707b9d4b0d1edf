// The process table as lines: column titles, then one line per visible row with the state in
// its colour, uptime, restarts, CPU and memory with sparklines, and what went wrong; in a fleet,
// each row's host first, and a host with nothing to list says why (down: its reason). Pure.

import type { ProcessInfo } from '../protocol/process-info.js';
import { formatKb, formatPercent, formatUptime, sparkline } from './cell-format.js';
import { anyHealth, hasHealth, healthWord } from './health-text.js';
import { processKey } from './daemon-api.js';
import { hostKey, type HostLink } from './host-link.js';
import { isFleet, linkOf, type DashboardState } from './state.js';
import {
  columnsFor,
  COLUMN_GAP,
  MARKER_WIDTH,
  type Column,
  type ColumnId,
} from './table-columns.js';
import type { TableRow } from './table-rows.js';
import type { UsageHistory } from './usage-history.js';
import {
  fitLine,
  fitText,
  restyle,
  seg,
  type Colour,
  type Line,
  type Segment,
  type Style,
} from './view-types.js';

export const STATE_COLOURS: Readonly<Record<string, Colour>> = {
  RUNNING: 'green',
  STARTING: 'cyan',
  BACKOFF: 'yellow',
  STOPPING: 'yellow',
  STOPPED: 'grey',
  EXITED: 'magenta',
  FATAL: 'red',
  UNKNOWN: 'red',
};

const stateStyle = (statename: string): Style => ({
  fg: STATE_COLOURS[statename] ?? 'white',
  bold: statename === 'FATAL' || statename === 'BACKOFF',
});

type Cells = Partial<Record<ColumnId, Segment>>;

/** Exit status, spawn error, or supervisord's description: whatever says what happened. */
export const infoText = (info: ProcessInfo): string => {
  switch (info.statename) {
    case 'EXITED': {
      const how = info.exitstatus === -1 ? 'killed by a signal' : `exit status ${info.exitstatus}`;
      return info.description === '' ? how : `${how}, ${info.description}`;
    }
    case 'BACKOFF':
    case 'FATAL':
      return info.spawnerr === '' ? info.description : info.spawnerr;
    case 'RUNNING':
    case 'STARTING':
    case 'STOPPING':
      return '';
    default:
      return info.description;
  }
};

interface Figures {
  readonly statsKnown: boolean;
  readonly nowSec: number;
}

const usageCells = (
  history: UsageHistory | undefined,
  widths: ReadonlyMap<ColumnId, number>,
  figures: Figures,
): Cells => {
  if (!figures.statsKnown) {
    return { cpu: seg('–', { fg: 'grey' }), memory: seg('–', { fg: 'grey' }) };
  }
  if (history === undefined || !history.latest.sampled) {
    return {};
  }
  return {
    cpu: seg(formatPercent(history.latest.cpuPercent)),
    cpuTrend: seg(sparkline(history.cpu, widths.get('cpuTrend') ?? 0, { floor: 100 }), {
      fg: 'cyan',
    }),
    memory: seg(formatKb(history.latest.rssKb)),
    memoryTrend: seg(sparkline(history.rssKb, widths.get('memoryTrend') ?? 0, { floor: 0 }), {
      fg: 'blue',
    }),
  };
};

const processCells = (
  row: Extract<TableRow, { kind: 'process' }>,
  history: UsageHistory | undefined,
  widths: ReadonlyMap<ColumnId, number>,
  figures: Figures,
): Cells => {
  const { info } = row;
  const up = info.pid !== 0 && info.start > 0;
  const restarts = history?.latest.restarts ?? 0;
  return {
    name: seg(shownName(row)),
    state: seg(info.statename, stateStyle(info.statename)),
    pid: seg(info.pid === 0 ? '' : String(info.pid)),
    uptime: seg(up ? formatUptime(figures.nowSec - info.start) : ''),
    restarts: seg(restarts === 0 ? '' : String(restarts), { fg: 'yellow' }),
    ...usageCells(history, widths, figures),
    info: seg(infoText(info), {
      fg: info.statename === 'RUNNING' ? 'grey' : (STATE_COLOURS[info.statename] ?? 'white'),
    }),
  };
};

const SEVERITY_ORDER = [
  'FATAL',
  'UNKNOWN',
  'BACKOFF',
  'EXITED',
  'STARTING',
  'STOPPING',
  'STOPPED',
  'RUNNING',
];

const groupCells = (
  row: Extract<TableRow, { kind: 'group' }>,
  usage: DashboardState['usage'],
  figures: Figures,
): Cells => {
  const worst = [...row.members].sort(
    (a, b) => SEVERITY_ORDER.indexOf(a.statename) - SEVERITY_ORDER.indexOf(b.statename),
  )[0];
  const latest = row.members.map(
    (p) => usage.get(hostKey(p.host, processKey(p.group, p.name)))?.latest,
  );
  const sum = (pick: (u: NonNullable<(typeof latest)[number]>) => number): number =>
    latest.reduce((total, u) => total + (u === undefined || !u.sampled ? 0 : pick(u)), 0);
  const running = row.members.filter((p) => p.statename === 'RUNNING').length;
  const restarts = latest.reduce((total, u) => total + (u?.restarts ?? 0), 0);
  const bold: Style = { bold: true };
  return {
    name: seg(shownName(row), bold),
    state: worst === undefined ? seg('') : seg(worst.statename, stateStyle(worst.statename)),
    restarts: seg(restarts === 0 ? '' : String(restarts), { fg: 'yellow' }),
    ...(figures.statsKnown
      ? {
          cpu: seg(formatPercent(sum((u) => u.cpuPercent)), bold),
          memory: seg(formatKb(sum((u) => u.rssKb)), bold),
        }
      : {}),
    info: seg(`${running}/${row.members.length} running`, { fg: 'grey' }),
  };
};

/**
 * Where the INFO cell starts: its own column, or, when its text is wider, the first of the
 * empty cells before it (a FATAL process has no pid, uptime or figures), so that an error is
 * read whole rather than cut.
 */
const infoStart = (cells: Cells, columns: readonly Column[]): number => {
  const info = columns.findIndex((c) => c.id === 'info');
  const column = columns[info];
  if (column === undefined || Array.from(cells.info?.text ?? '').length <= column.width) {
    return info;
  }
  let start = info;
  while (start > 1 && (cells[columns[start - 1]?.id ?? 'info']?.text ?? '') === '') {
    start -= 1;
  }
  return start;
};

const assemble = (cells: Cells, columns: readonly Column[], marker: string): Line => {
  const line: Segment[] = [seg(fitText(marker, MARKER_WIDTH))];
  const spanFrom = infoStart(cells, columns);
  const spanWidth = columns
    .slice(Math.max(0, spanFrom))
    .reduce((total, c, i) => total + c.width + (i === 0 ? 0 : COLUMN_GAP), 0);
  columns.forEach((column, i) => {
    if (spanFrom >= 0 && i >= spanFrom) {
      if (i === spanFrom) {
        const info = cells.info ?? seg('');
        line.push(seg(fitText(info.text, spanWidth), info.style));
      }
      return;
    }
    const cell = cells[column.id] ?? seg('');
    line.push(seg(fitText(cell.text, column.width, column.align), cell.style));
    if (i < columns.length - 1) {
      line.push(seg(' '.repeat(COLUMN_GAP)));
    }
  });
  return line;
};

/** A fleet's host with no process to list: down and why, still connecting, or empty. */
const hostCells = (link: HostLink): Cells => {
  const { connection } = link;
  switch (connection.kind) {
    case 'lost':
      return {
        state: seg('DOWN', { fg: 'red', bold: true }),
        info: seg(`down: ${connection.reason}`, { fg: 'red' }),
      };
    case 'connecting':
      return { info: seg('connecting…', { fg: 'grey' }) };
    case 'up':
      return { info: seg('no processes', { fg: 'grey' }) };
  }
};

/** The name as the table shows it: members indented under their group's header. */
const shownName = (row: TableRow): string => {
  switch (row.kind) {
    case 'host':
      return '';
    case 'group':
      return `${row.group}:*`;
    case 'process':
      return row.member ? `  ${row.namespec}` : row.namespec;
  }
};

/** The HEALTH cell of a process, or of a group: how many of its processes are ready. */
const healthCell = (row: TableRow, health: DashboardState['health']): Segment => {
  if (row.kind === 'host') {
    return seg('');
  }
  if (row.kind === 'process') {
    const word = healthWord(health.get(row.key));
    return seg(word.text, { fg: word.colour });
  }
  const members = row.members.map((p) => health.get(hostKey(p.host, processKey(p.group, p.name))));
  if (!members.some((h) => h !== undefined && hasHealth(h))) {
    return seg('');
  }
  const ready = members.filter((h) => ['ready', 'live'].includes(healthWord(h).text)).length;
  return seg(`${ready}/${members.length} ready`, {
    fg: ready === members.length ? 'green' : 'yellow',
  });
};

/**
 * The columns for this terminal: the name column as wide as the longest name needs, and a
 * HEALTH column when some process has a probe or depends_on, as wide as its longest text.
 */
export const tableColumns = (state: DashboardState): readonly Column[] =>
  columnsFor(state.size.cols, {
    longestName: state.rows.reduce((widest, row) => Math.max(widest, shownName(row).length + 1), 0),
    longestHealth: anyHealth(state.health)
      ? state.rows.reduce(
          (widest, row) => Math.max(widest, healthCell(row, state.health).text.length),
          0,
        )
      : null,
    longestHost: isFleet(state)
      ? state.hosts.reduce((widest, link) => Math.max(widest, link.name.length), 0)
      : null,
  });

export const columnTitles = (columns: readonly Column[], cols: number): Line => {
  const titles: Cells = Object.fromEntries(columns.map((c) => [c.id, seg(c.title)]));
  return restyle(fitLine(assemble(titles, columns, ''), cols), { bold: true, underline: true });
};

/** The table body's `height` lines from `scrollTop` on, the selected row highlighted. */
export const tableLines = (state: DashboardState, height: number): readonly Line[] => {
  const { cols } = state.size;
  const columns = tableColumns(state);
  const widths = new Map(columns.map((c) => [c.id, c.width]));
  const figuresOf = (host: string): Figures => {
    const link = linkOf(state, host);
    return {
      statsKnown: link.support.stats !== 'no',
      nowSec: Math.floor((state.nowMs + link.serverOffsetMs) / 1000),
    };
  };
  const cellsOf = (row: TableRow): Cells => {
    switch (row.kind) {
      case 'host':
        return hostCells(linkOf(state, row.host));
      case 'process':
        return processCells(row, state.usage.get(row.key), widths, figuresOf(row.host));
      case 'group':
        return groupCells(row, state.usage, figuresOf(row.host));
    }
  };
  const lines: Line[] = [];
  for (let i = state.scrollTop; i < state.rows.length && lines.length < height; i++) {
    const row = state.rows[i];
    if (row === undefined) {
      break;
    }
    const cells = {
      ...cellsOf(row),
      host: seg(row.host, { fg: 'cyan' }),
      health: healthCell(row, state.health),
    };
    const selected = i === state.selectedIndex;
    const line = fitLine(assemble(cells, columns, selected ? '▶' : ''), cols);
    lines.push(
      selected ? restyle(line, state.focus === 'page' ? { inverse: true } : { bold: true }) : line,
    );
  }
  return lines;
};
