// What a process's detail page says, line by line at a width: its state, command, directory,
// user, uptime, restarts, last exit, spawn error, log files, health, process tree and
// environment — from getProcessInfo's struct, getAllConfigInfo and, from tssupervisord,
// getProcessDetail, getProcessStats and getProcessHealth. Long values wrap. Pure.

import type { ConfigInfo } from '../protocol/config-info.js';
import type { ProcessDetailInfo } from '../protocol/process-detail.js';
import type { ProcessInfo } from '../protocol/process-info.js';
import { formatClock, formatKb, formatPercent, formatUptime } from './cell-format.js';
import type { ProcessHealth } from './daemon-api.js';
import { hasHealth, healthWord } from './health-text.js';
import { treeLines } from './process-tree.js';
import { STATE_COLOURS } from './table-view.js';
import { fitLine, fitText, seg, type Line, type Style } from './view-types.js';

const LABEL_WIDTH = 13;
const GREY: Style = { fg: 'grey' };
const HEADING: Style = { bold: true, underline: true };

/** What the page knows of the process beyond its ProcessInfo. */
export interface DetailSources {
  readonly info: ProcessInfo;
  /** From getAllConfigInfo; undefined while loading or when it failed. */
  readonly config: ConfigInfo | undefined;
  /** From getProcessDetail; undefined from supervisord or before the first answer. */
  readonly detail: ProcessDetailInfo | undefined;
  readonly health: ProcessHealth | undefined;
  readonly restarts: number | undefined;
  /** The daemon's clock, epoch seconds; and ours, local ms (times are shown in ours). */
  readonly nowSec: number;
  readonly nowMs: number;
  readonly serverOffsetMs: number;
  /** What to say of a value nobody has sent: still coming, or not served. */
  readonly unknown: string;
  /** getProcessDetail is not served (supervisord): no tree, no environment. */
  readonly detailUnsupported: boolean;
}

/** `text` in pieces of at most `width` characters (at least one piece). */
const chunks = (text: string, width: number): string[] => {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += Math.max(1, width)) {
    out.push(chars.slice(i, i + Math.max(1, width)).join(''));
  }
  return out.length === 0 ? [''] : out;
};

/** A labelled value; a long one goes on under the label's width. */
const field = (label: string, value: string, cols: number, style: Style = {}): Line[] =>
  chunks(value, cols - LABEL_WIDTH - 1).map((piece, i) =>
    fitLine(
      [
        seg(` ${i === 0 ? fitText(label, LABEL_WIDTH - 1) : ''.padEnd(LABEL_WIDTH - 1)}`, GREY),
        seg(` ${piece}`, style),
      ],
      cols,
    ),
  );

const blank = (cols: number): Line => fitLine([], cols);

const heading = (text: string, cols: number): Line => fitLine([seg(` ${text}`, HEADING)], cols);

/** The local time of a daemon epoch second. */
const localClock = (epochSec: number, s: DetailSources): string =>
  formatClock(epochSec * 1000 - s.serverOffsetMs, s.nowMs);

const uptimeText = ({ info, nowSec }: DetailSources, s: DetailSources): string =>
  info.statename === 'RUNNING' && info.start > 0
    ? `${formatUptime(nowSec - info.start)}, since ${localClock(info.start, s)}`
    : 'not running';

const lastExitText = (s: DetailSources): string => {
  const { info } = s;
  // stop is the last exit's time; a process started since has start after it.
  if (info.stop === 0) {
    return 'none yet';
  }
  const at = localClock(info.stop, s);
  // An exit before startsecs clears the status (supervisord's rule): there is none to show.
  if (info.statename === 'BACKOFF' || info.statename === 'FATAL') {
    return `too soon to count as started, at ${at} (no exit status is kept then)`;
  }
  const how = info.exitstatus === -1 ? 'killed by a signal' : `exit status ${info.exitstatus}`;
  return `${how}, at ${at}`;
};

const userText = (s: DetailSources): string => {
  if (s.detail !== undefined) {
    return s.detail.user === '' ? "the daemon's" : s.detail.user;
  }
  const uid = s.config?.uid;
  if (uid === undefined) {
    return s.unknown;
  }
  return uid === 'none' ? "the daemon's" : `uid ${uid}`;
};

const directoryText = (s: DetailSources): string => {
  const directory = s.detail?.directory ?? s.config?.directory;
  if (directory === undefined) {
    return s.unknown;
  }
  return directory === '' || directory === 'none' ? "the daemon's" : directory;
};

const logText = (path: string, other: 'stdout' | null): string => {
  if (path !== '' && path !== 'none') {
    return path;
  }
  return other === null ? 'none' : 'none (or redirected to stdout)';
};

const healthText = (health: ProcessHealth): string => {
  const parts = [
    `readiness ${health.readiness}`,
    `liveness ${health.liveness}`,
    ...(health.probeFailures > 0 ? [`${health.probeFailures} failed in a row`] : []),
    ...(health.dependsOn.length > 0 ? [`depends on ${health.dependsOn.join(', ')}`] : []),
    ...(health.reason === '' ? [] : [health.reason]),
  ];
  return parts.join(' · ');
};

/** Running: its pid (the uptime has a line of its own); else what status says of it. */
const stateText = (info: ProcessInfo): string =>
  info.statename === 'RUNNING' && info.pid !== 0 ? `pid ${info.pid}` : info.description;

const stateLine = (s: DetailSources, cols: number): Line[] => {
  const { info } = s;
  const colour = STATE_COLOURS[info.statename] ?? 'white';
  const word = healthWord(s.health);
  return [
    fitLine(
      [
        seg(` ${fitText('state', LABEL_WIDTH - 1)} `, GREY),
        seg(info.statename, { fg: colour, bold: true }),
        seg(stateText(info) === '' ? '' : `  ${stateText(info)}`, GREY),
        seg(word.text === '' ? '' : `  ${word.text}`, { fg: word.colour }),
      ],
      cols,
    ),
  ];
};

const note = (text: string, cols: number): Line => fitLine([seg(`  ${text}`, GREY)], cols);

/**
 * A section from getProcessDetail under its heading: what `lines` makes of the answer, or why
 * there is none (not served, not there yet), or `empty` when it holds nothing.
 */
const detailSection = (
  s: DetailSources,
  cols: number,
  section: {
    readonly title: string;
    readonly empty: string;
    readonly lines: (detail: ProcessDetailInfo) => Line[];
  },
): Line[] => {
  const { title, empty, lines } = section;
  const shown =
    s.detail === undefined
      ? [note(s.detailUnsupported ? 'not served by this daemon (supervisord)' : s.unknown, cols)]
      : lines(s.detail);
  return [heading(title, cols), ...(shown.length === 0 ? [note(empty, cols)] : shown)];
};

const treeRows = (detail: ProcessDetailInfo, cols: number): Line[] => {
  const rows = treeLines(detail.tree);
  if (rows.length === 0) {
    return [];
  }
  const titles = `  ${fitText('PID', 8)}${fitText('CPU%', 6, 'right')}${fitText('RSS', 8, 'right')}  NAME`;
  return [
    fitLine([seg(titles, GREY)], cols),
    ...rows.map(({ member, depth }) =>
      fitLine(
        [
          seg(`  ${fitText(String(member.pid), 8)}`),
          seg(fitText(formatPercent(member.cpu_percent), 6, 'right')),
          seg(fitText(formatKb(member.rss_kb), 8, 'right')),
          seg(`  ${'  '.repeat(Math.max(0, depth - 1))}${depth > 0 ? '└ ' : ''}${member.name}`),
        ],
        cols,
      ),
    ),
  ];
};

const environmentRows = (detail: ProcessDetailInfo, cols: number): Line[] =>
  detail.environment.flatMap((entry) =>
    chunks(entry, cols - 3).map((piece) => fitLine([seg(`  ${piece}`)], cols)),
  );

/** Every line of the page, top to bottom, `cols` wide. */
export const detailContent = (s: DetailSources, cols: number): Line[] => {
  const { info } = s;
  const command = s.detail?.command ?? s.config?.command ?? s.unknown;
  const spawnerr = info.spawnerr;
  return [
    ...stateLine(s, cols),
    ...field('command', command, cols, { bold: true }),
    ...field('directory', directoryText(s), cols),
    ...field('user', userText(s), cols),
    ...field('uptime', uptimeText(s, s), cols),
    ...field(
      'restarts',
      s.restarts === undefined ? 'not counted by this daemon' : String(s.restarts),
      cols,
    ),
    ...field('last exit', lastExitText(s), cols),
    ...field(
      'spawn error',
      spawnerr === '' ? 'none' : spawnerr,
      cols,
      spawnerr === '' ? {} : { fg: 'red' },
    ),
    ...field('stdout log', logText(info.stdout_logfile, null), cols),
    ...field('stderr log', logText(info.stderr_logfile, 'stdout'), cols),
    ...(s.health === undefined || !hasHealth(s.health)
      ? []
      : field('health', healthText(s.health), cols)),
    blank(cols),
    ...detailSection(s, cols, {
      title: 'PROCESS TREE',
      empty: 'nothing running',
      lines: (d) => treeRows(d, cols),
    }),
    blank(cols),
    ...detailSection(s, cols, {
      title: 'ENVIRONMENT (as configured, secrets masked)',
      empty: 'none set',
      lines: (d) => environmentRows(d, cols),
    }),
  ];
};
