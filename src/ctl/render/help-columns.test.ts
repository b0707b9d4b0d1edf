import { expect, it } from 'vitest';

import { renderHelpTopics } from './help-columns.js';

const SUPERVISORCTL_TOPICS = [
  'add',
  'avail',
  'clear',
  'exit',
  'fg',
  'maintail',
  'open',
  'pid',
  'quit',
  'reload',
  'remove',
  'reread',
  'restart',
  'shutdown',
  'signal',
  'start',
  'status',
  'stop',
  'tail',
  'update',
  'version',
];

it("lays out supervisorctl's topics exactly as Python's cmd module does", () => {
  expect(renderHelpTopics('default commands (type help <topic>):', SUPERVISORCTL_TOPICS)).toEqual([
    '',
    'default commands (type help <topic>):',
    '=====================================',
    'add    exit      open  reload  restart   start   tail   ',
    'avail  fg        pid   remove  shutdown  status  update ',
    'clear  maintail  quit  reread  signal    stop    version',
    '',
  ]);
});

it('prints one name alone, and <empty> for none', () => {
  expect(renderHelpTopics('h', ['only'])).toEqual(['', 'h', '=', 'only', '']);
  expect(renderHelpTopics('h', [])).toEqual(['', 'h', '=', '<empty>', '']);
});

it('falls back to one unpadded name per row when nothing fits in 79 columns', () => {
  const wide = ['a'.repeat(50), 'b'.repeat(50)];
  expect(renderHelpTopics('h', wide).slice(3, 5)).toEqual(wide);
});
