import { expect, it } from 'vitest';

import { processInfo } from '../../../test/fakes/supervisor-answers.js';
import { readProcessInfo } from '../../protocol/process-info.js';
import { renderStatusLines } from './status-table.js';

const info = (...args: Parameters<typeof processInfo>) =>
  readProcessInfo('getAllProcessInfo', processInfo(...args));

it('pads names to 33 columns and states to 10, as supervisorctl does', () => {
  expect(renderStatusLines([info('sleeper', 'RUNNING', { pid: 8791 })])).toEqual([
    'sleeper                          RUNNING   pid 8791, uptime 0:01:02',
  ]);
});

it('keeps the padding when the description is empty', () => {
  expect(renderStatusLines([info('quick', 'STARTING')])).toEqual([
    'quick                            STARTING  ',
  ]);
});

it('widens the name column to the longest namespec plus 3', () => {
  const long = 'a-rather-long-group-name-indeed';
  expect(renderStatusLines([info('x', 'STOPPED', { group: long }), info('y', 'STOPPED')])).toEqual([
    `${long}:x   STOPPED   Not started`,
    `y${' '.repeat(long.length + 4)}STOPPED   Not started`,
  ]);
});

it('shows group:name unless the process is alone in its own group', () => {
  const lines = renderStatusLines([info('web_0', 'RUNNING', { group: 'web', pid: 1 })]);
  expect(lines[0]?.startsWith('web:web_0 ')).toBe(true);
});

it('counts code points, not UTF-16 units, for the padding', () => {
  const [line] = renderStatusLines([info('𝒳', 'FATAL', { description: 'boom' })]);
  expect(line).toBe(`𝒳${' '.repeat(32)}FATAL     boom`);
});

it('renders nothing for no processes', () => {
  expect(renderStatusLines([])).toEqual([]);
});
