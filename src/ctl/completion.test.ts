import { expect, it } from 'vitest';

import { SAMPLE_PROCESSES } from '../../test/fakes/supervisor-answers.js';
import { readProcessInfo } from '../protocol/process-info.js';
import { COMMANDS } from './commands/registry.js';
import { completeLine, fleetNames, serverNames } from './completion.js';

const infos = () => Promise.resolve(SAMPLE_PROCESSES.map((p) => readProcessInfo('x', p)));
const complete = (line: string) => completeLine(line, COMMANDS, serverNames(infos));

it('completes command names on an empty line or the first word', async () => {
  expect((await complete('')).matches).toContain('status ');
  expect(await complete('st')).toEqual({
    matches: ['start ', 'status ', 'stop '],
    word: 'st',
  });
  expect((await complete('he')).matches).toEqual(['help ']);
});

it('completes command names after help', async () => {
  expect((await complete('help re')).matches).toEqual([
    'reload ',
    'remove ',
    'reread ',
    'restart ',
  ]);
});

it('completes process names, with group:* for groups of several', async () => {
  expect((await complete('start ')).matches).toEqual([
    'cron ',
    'web:web_0 ',
    'web:* ',
    'web:web_1 ',
    'worker ',
  ]);
  expect(await complete('stop web:w')).toEqual({
    matches: ['web:web_0 ', 'web:web_1 '],
    word: 'web:w',
  });
  // With a colon typed, even single processes complete as group:name.
  expect((await complete('status cron:')).matches).toEqual(['cron:cron ', 'cron:* ']);
});

it('completes group names for add, remove and update', async () => {
  expect((await complete('update w')).matches).toEqual(['web ', 'worker ']);
});

it('offers nothing for commands without names, or when the server fails', async () => {
  expect((await complete('reload ')).matches).toEqual([]);
  expect(
    (
      await completeLine(
        'start ',
        COMMANDS,
        serverNames(() => Promise.reject(new Error('down'))),
      )
    ).matches,
  ).toEqual([]);
});

it("completes a fleet's names: without a host, then host:* and host:name per host", async () => {
  const lists = new Map([
    ['a', SAMPLE_PROCESSES.slice(0, 1).map((p) => readProcessInfo('x', p))],
    ['b', SAMPLE_PROCESSES.slice(1, 3).map((p) => readProcessInfo('x', p))],
  ]);
  const names = fleetNames(() => Promise.resolve(lists));
  expect((await completeLine('start ', COMMANDS, names)).matches).toEqual([
    'cron ',
    'web:web_0 ',
    'web:* ',
    'web:web_1 ',
    'a:* ',
    'a:cron ',
    'b:* ',
    'b:web:web_0 ',
    'b:web:* ',
    'b:web:web_1 ',
  ]);
  expect((await completeLine('stop b:web:', COMMANDS, names)).matches).toEqual([
    'b:web:web_0 ',
    'b:web:* ',
    'b:web:web_1 ',
  ]);
  expect((await completeLine('update ', COMMANDS, names)).matches).toEqual([]);
});
