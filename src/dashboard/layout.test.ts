import { describe, expect, it } from 'vitest';

import { layoutFor } from './layout.js';
import { COLUMN_GAP, columnsFor, MARKER_WIDTH } from './table-columns.js';

describe('layout', () => {
  it.each([
    [48, 28, 15],
    [24, 12, 7],
    [15, 6, 4],
    [13, 4, 4],
    [12, 8, 0],
  ])('%i rows: a table of %i rows and a log pane of %i', (rows, table, log) => {
    const layout = layoutFor({ cols: 100, rows });
    expect(layout.tableHeight).toBe(table);
    expect(layout.logHeight).toBe(log);
    expect(layout.footerRow).toBe(rows - 1);
    expect(layout.statusRow).toBe(rows - 2);
    const used = 2 + layout.tableHeight + (log === 0 ? 0 : log + 1) + 2;
    expect(used).toBe(rows);
  });
});

it('is too small below 40×8', () => {
  expect(layoutFor({ cols: 40, rows: 8 }).tooSmall).toBe(false);
  expect(layoutFor({ cols: 39, rows: 30 }).tooSmall).toBe(true);
  expect(layoutFor({ cols: 100, rows: 7 }).tooSmall).toBe(true);
});

describe('table columns', () => {
  it.each([160, 120, 100, 80, 60, 40])('fill %i columns exactly', (cols) => {
    const columns = columnsFor(cols);
    const width =
      MARKER_WIDTH + columns.reduce((t, c) => t + c.width, 0) + COLUMN_GAP * (columns.length - 1);
    expect(width).toBeLessThanOrEqual(cols);
    if (cols >= 60) {
      expect(width).toBe(cols);
    }
  });

  it('drop sparklines first, then restarts, uptime and pid; never name and state', () => {
    const ids = (cols: number) => columnsFor(cols).map((c) => c.id);
    expect(ids(160)).toEqual([
      'name',
      'state',
      'pid',
      'uptime',
      'restarts',
      'cpu',
      'cpuTrend',
      'memory',
      'memoryTrend',
      'info',
    ]);
    expect(ids(90)).not.toContain('memoryTrend');
    expect(ids(60)).toEqual(['name', 'state', 'cpu', 'memory', 'info']);
    expect(ids(30)).toEqual(['name', 'state']);
  });
});
