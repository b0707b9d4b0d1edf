// The header line: the server (in a fleet, how many hosts and which are down), a census of the
// states, the sort and the filter, fitted to the width by giving up the least needed first (the
// name, a default sort, then the server's address in the middle); or, while the one daemon
// cannot be reached, a red banner (a fleet's hosts say so in their rows). Pure.

import { formatClock } from './cell-format.js';
import type { Connection } from './host-link.js';
import { isFleet, type DashboardState } from './state.js';
import { fitLine, seg, type Line, type Style } from './view-types.js';

const HEADER: Style = { inverse: true };
const BANNER: Style = { bg: 'red', fg: 'white', bold: true };
const SEPARATOR = ' │ ';

const CENSUS_ORDER = [
  'RUNNING',
  'STARTING',
  'BACKOFF',
  'STOPPING',
  'EXITED',
  'FATAL',
  'UNKNOWN',
  'STOPPED',
];
const censusRank = (statename: string): number => {
  const rank = CENSUS_ORDER.indexOf(statename);
  return rank < 0 ? CENSUS_ORDER.length : rank;
};

/** `12 processes: 10 running, 1 fatal, 1 stopped`, or without the word `processes`. */
const census = (state: DashboardState, short: boolean): string => {
  const counts = new Map<string, number>();
  for (const p of state.processes) {
    counts.set(p.statename, (counts.get(p.statename) ?? 0) + 1);
  }
  const parts = [...counts]
    .sort(([a], [b]) => censusRank(a) - censusRank(b))
    .map(([name, n]) => `${n} ${name.toLowerCase()}`);
  const total = state.processes.length;
  const head = short ? String(total) : `${total} process${total === 1 ? '' : 'es'}`;
  return `${head}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
};

/** `unix:///very/long/…/supervisor.sock`: the start and the end kept, the middle given up. */
export const shortenMiddle = (text: string, width: number): string => {
  const chars = Array.from(text);
  if (chars.length <= width) {
    return text;
  }
  const tail = Math.floor((width - 1) / 2);
  const head = width - 1 - tail;
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - tail).join('')}`;
};

const SEPARATOR_WIDTH = Array.from(SEPARATOR).length;
/** Shorter than this, the server's address says too little to be shown at all. */
const URL_MIN = 16;

const widthOf = (text: string): number => Array.from(text).length;

const joined = (parts: readonly string[]): string =>
  ` ${parts.filter((text) => text !== '').join(SEPARATOR)}`;

/**
 * The parts that fit, giving up the least needed first: the default sort, the name, the
 * middle of the server's address (then all of it), and the word `processes`.
 */
/** What the header names: the server's address, or the fleet (`3 hosts, down: web2`). */
const serverText = (state: DashboardState): string => {
  if (!isFleet(state)) {
    return state.hosts[0]?.serverUrl ?? '';
  }
  const down = state.hosts.filter((link) => link.connection.kind === 'lost');
  const names = down.map((link) => link.name).join(', ');
  return `${state.hosts.length} hosts${down.length === 0 ? '' : `, down: ${names}`}`;
};

const fitted = (state: DashboardState): string => {
  const { filter, size } = state;
  const server = serverText(state);
  const fits = (parts: readonly string[]) => widthOf(joined(parts)) + 1 <= size.cols;
  const connecting = state.hosts.every((link) => link.connection.kind === 'connecting');
  const counts = (short: boolean) => (connecting ? 'connecting…' : census(state, short));
  const rest = (short: boolean, defaultSort = false) => [
    counts(short),
    state.sort === 'name' && !defaultSort ? '' : `sort: ${state.sort}`,
    filter.text === '' ? '' : `filter: ${filter.text}`,
    state.hosts.some((link) => link.support.events === 'no') ? 'polling' : '',
  ];
  const candidates = [
    ['tssupervisor', server, ...rest(false, true)],
    ['tssupervisor', server, ...rest(false)],
    [server, ...rest(false)],
  ];
  const found = candidates.find(fits);
  if (found !== undefined) {
    return joined(found);
  }
  for (const short of [false, true]) {
    const others = rest(short);
    const room = size.cols - 1 - widthOf(joined(others)) - SEPARATOR_WIDTH;
    if (room >= URL_MIN) {
      return joined([shortenMiddle(server, room), ...others]);
    }
    if (fits(others)) {
      return joined(others);
    }
  }
  return joined(rest(true));
};

/** The banner's versions, from the fullest: the first that fits is shown. */
const banners = (connection: Extract<Connection, { kind: 'lost' }>): string[] => {
  const attempt = `attempt ${connection.attempts}`;
  const lost = ` ✖ connection lost: ${connection.reason} — reconnecting (${attempt}`;
  return [
    `${lost}, since ${formatClock(connection.sinceMs)}); showing what was last known `,
    `${lost}, since ${formatClock(connection.sinceMs)}) `,
    ` ✖ connection lost: ${connection.reason} (${attempt}) `,
  ];
};

export const headerLine = (state: DashboardState): Line => {
  const { size } = state;
  const connection = state.hosts[0]?.connection;
  if (!isFleet(state) && connection?.kind === 'lost') {
    const versions = banners(connection);
    const text =
      versions.find((v) => Array.from(v).length <= size.cols) ?? versions[versions.length - 1];
    return fitLine([seg(text ?? '', BANNER)], size.cols, BANNER);
  }
  return fitLine([seg(fitted(state), HEADER)], size.cols, HEADER);
};
