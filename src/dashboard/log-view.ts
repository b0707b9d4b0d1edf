// The log pane as lines: a title rule naming the log and how it is doing (live, paused, wrap),
// then the lines that fit, cut at the edge or wrapped. Pure.

import { logLines, type LogPane, type LogStatus } from './log-pane.js';
import { logWindow } from './log-window.js';
import { fitLine, fitText, seg, type Line, type Style } from './view-types.js';

const statusText = (status: LogStatus): string => {
  switch (status.kind) {
    case 'idle':
      return '';
    case 'loading':
      return 'loading…';
    case 'live':
      return 'live';
    case 'unavailable':
      return status.reason;
  }
};

const titleOf = (pane: LogPane): string => {
  const target = pane.target;
  if (target === null) {
    return 'log';
  }
  return target.kind === 'main' ? "daemon's main log" : `${target.namespec} ${target.channel}`;
};

/** Paused, or scrolled back: how far, and how to follow the end again. */
const followText = (pane: LogPane): string => {
  if (pane.follow) {
    return '';
  }
  const back = pane.scrollBack > 0 ? `↑${pane.scrollBack} lines, ` : '';
  return ` ${back}paused (F: follow)`;
};

export interface LogTitleOptions {
  readonly focused: boolean;
  readonly zoomed: boolean;
}

export const logTitle = (pane: LogPane, cols: number, options: LogTitleOptions): Line => {
  const status = statusText(pane.status);
  const rule: Style = options.focused ? { fg: 'cyan', bold: true } : { fg: 'grey' };
  return fitLine(
    [
      seg('── ', rule),
      seg(titleOf(pane), { bold: true }),
      seg(status === '' ? '' : ` ${status}`, {
        fg: pane.status.kind === 'unavailable' ? 'yellow' : 'grey',
      }),
      seg(followText(pane), { fg: 'yellow' }),
      seg(pane.wrap ? ' wrap' : '', { fg: 'grey' }),
      seg(options.zoomed ? ' full screen (f: back)' : '', { fg: 'grey' }),
      seg(' ', rule),
      seg('─'.repeat(cols), rule),
    ],
    cols,
  );
};

/** A line in rows of `width` characters. */
const wrapped = (text: string, width: number): string[] => {
  const chars = Array.from(text);
  const rows: string[] = [];
  for (let at = 0; at < chars.length; at += width) {
    rows.push(chars.slice(at, at + width).join(''));
  }
  return rows.length === 0 ? [''] : rows;
};

export const logBody = (pane: LogPane, cols: number, height: number): readonly Line[] => {
  if (pane.target === null) {
    return [
      fitLine([seg('Select a process to follow its log (m: the main log).', { fg: 'grey' })], cols),
    ];
  }
  const all = logLines(pane);
  const { first, end } = logWindow(all, pane.scrollBack, { height, width: cols, wrap: pane.wrap });
  const shown = all.slice(first, end);
  const rows = pane.wrap
    ? shown.flatMap((text) => wrapped(text, cols)).slice(-height)
    : shown.map((text) => fitText(text, cols));
  return rows.map((text) => fitLine([seg(text)], cols));
};
