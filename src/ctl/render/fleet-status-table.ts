// A fleet's `status` table (ours): the host, then supervisorctl's columns (namespec padded to
// max(30, longest)+3, state to 10, description); a host that is down is one row `host  *  DOWN
// <why>`, `*` being how one names all of that host.

import { makeNamespec } from '../../model/namespec.js';
import type { ProcessInfo } from '../../protocol/process-info.js';
import { codePointLength, padRight } from './pad.js';

export type FleetStatusRow =
  | { readonly host: string; readonly info: ProcessInfo }
  | { readonly host: string; readonly down: string };

const MIN_NAME_WIDTH = 30;
const STATE_WIDTH = 10;
export const DOWN_STATE = 'DOWN';

const cells = (row: FleetStatusRow): readonly [string, string, string] =>
  'info' in row
    ? [makeNamespec(row.info.group, row.info.name), row.info.statename, row.info.description]
    : ['*', DOWN_STATE, row.down];

export const renderFleetStatusLines = (rows: readonly FleetStatusRow[]): string[] => {
  const all = rows.map(cells);
  const hostWidth = Math.max(0, ...rows.map((row) => codePointLength(row.host))) + 2;
  const nameWidth = Math.max(MIN_NAME_WIDTH, ...all.map(([name]) => codePointLength(name))) + 3;
  return rows.map((row, i) => {
    const [name, state, description] = all[i] ?? ['', '', ''];
    return `${padRight(row.host, hostWidth)}${padRight(name, nameWidth)}${padRight(state, STATE_WIDTH)}${description}`;
  });
};
