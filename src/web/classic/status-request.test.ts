import { describe, expect, it } from 'vitest';

import { parseForm } from './form.js';
import { actionFields, changesState, readStatusRequest } from './status-request.js';

const read = (query: string) => readStatusRequest(parseForm(query, ''));

describe('readStatusRequest', () => {
  it.each([
    ['', { kind: 'show', message: null }],
    ['message=Process%20x%20stopped', { kind: 'show', message: 'Process x stopped' }],
    ['action=&message=hi', { kind: 'show', message: 'hi' }],
    ['action=refresh&message=ignored', { kind: 'act', action: { kind: 'refresh' } }],
    ['action=stopall', { kind: 'act', action: { kind: 'stopall' } }],
    ['action=restartall&processname=x', { kind: 'act', action: { kind: 'restartall' } }],
    [
      'processname=grp%3Aweb&action=restart',
      { kind: 'act', action: { kind: 'process', action: 'restart', namespec: 'grp:web' } },
    ],
    ['action=clearlog', { kind: 'invalid', problem: 'action clearlog needs a processname' }],
    ['processname=x&action=kill', { kind: 'invalid', problem: 'unknown action "kill"' }],
  ])('?%s', (query, expected) => {
    expect(read(query)).toEqual(expected);
  });
});

describe('changesState', () => {
  it('is false only for refresh', () => {
    expect(changesState({ kind: 'refresh' })).toBe(false);
    expect(changesState({ kind: 'stopall' })).toBe(true);
    expect(changesState({ kind: 'process', action: 'clearlog', namespec: 'x' })).toBe(true);
  });
});

describe('actionFields', () => {
  it('asks for the same action again', () => {
    expect(actionFields({ kind: 'process', action: 'stop', namespec: 'a:b' })).toEqual([
      ['processname', 'a:b'],
      ['action', 'stop'],
    ]);
    expect(actionFields({ kind: 'stopall' })).toEqual([['action', 'stopall']]);
  });
});
