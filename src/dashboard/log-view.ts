// The log pane as lines: a title rule naming the log and how it is doing, then the lines that
// fit, following the end unless scrolled back. Pure.

import { logLines, type LogPane, type LogStatus } from './log-pane.js';
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

export const logTitle = (pane: LogPane, cols: number, focused: boolean): Line => {
  const status = statusText(pane.status);
  const scrolled = pane.scrollBack > 0 ? ` ↑${pane.scrollBack} lines (End: follow)` : '';
  const rule: Style = focused ? { fg: 'cyan', bold: true } : { fg: 'grey' };
  return fitLine(
    [
      seg('── ', rule),
      seg(titleOf(pane), { bold: true }),
      seg(status === '' ? '' : ` ${status}`, {
        fg: pane.status.kind === 'unavailable' ? 'yellow' : 'grey',
      }),
      seg(scrolled, { fg: 'yellow' }),
      seg(' ', rule),
      seg('─'.repeat(cols), rule),
    ],
    cols,
  );
};

export const logBody = (pane: LogPane, cols: number, height: number): readonly Line[] => {
  if (pane.target === null) {
    return [
      fitLine([seg('Select a process to follow its log (m: the main log).', { fg: 'grey' })], cols),
    ];
  }
  const all = logLines(pane);
  const end = all.length - pane.scrollBack;
  return all
    .slice(Math.max(0, end - height), end)
    .map((text) => fitLine([seg(fitText(text, cols))], cols));
};
