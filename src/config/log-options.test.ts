// Our log options: log_format= per program or event listener, *_forward= per channel with
// [supervisord] forward_output= as their default.

import { describe, expect, it } from 'vitest';

import { errors, MAIN, ok } from '../../test/fakes/config-loading.js';
import { toLogFormat } from './log-format-value.js';

describe('log_format', () => {
  it.each([
    ['raw', 'raw'],
    ['timestamped', 'timestamped'],
    [' JSON ', 'json'],
    ['Timestamped', 'timestamped'],
  ])('reads %j', (text, expected) => {
    expect(toLogFormat(text, null as never)).toBe(expected);
  });

  it('refuses anything else, naming the choices', () => {
    expect(() => toLogFormat('syslog', null as never)).toThrow(
      "not a valid log_format: 'syslog' (expected raw, timestamped, json)",
    );
  });

  it('is raw unless set, per program and per event listener', () => {
    const config = ok(
      '[supervisord]\n[program:a]\ncommand=x\n[program:b]\ncommand=x\nlog_format=json\n' +
        '[eventlistener:l]\ncommand=x\nevents=TICK_5\nlog_format=timestamped\n',
    );
    const formats = Object.fromEntries(
      config.groups.map((g) => [g.name, g.processes[0]?.logFormat]),
    );
    expect(formats).toEqual({ a: 'raw', b: 'json', l: 'timestamped' });
  });

  it('names file, line and option for a bad value', () => {
    const [error] = errors('[supervisord]\n[program:a]\ncommand=x\nlog_format=yaml\n');
    expect(error).toMatchObject({ file: MAIN, line: 4, option: 'log_format', value: 'yaml' });
  });
});

describe('forwarding', () => {
  it('is off by default; forward_output sets the default; a program can say otherwise', () => {
    const plain = ok('[supervisord]\n[program:a]\ncommand=x\n');
    expect(plain.supervisord.forwardOutput).toBe(false);
    expect(plain.groups[0]?.processes[0]?.stdout.forward).toBeNull();

    const config = ok(
      '[supervisord]\nforward_output=true\n[program:a]\ncommand=x\nstderr_forward=false\n',
    );
    expect(config.supervisord.forwardOutput).toBe(true);
    const a = config.groups[0]?.processes[0];
    expect([a?.stdout.forward, a?.stderr.forward]).toEqual([null, false]);
  });

  it('refuses a bad boolean', () => {
    const [error] = errors('[supervisord]\n[program:a]\ncommand=x\nstdout_forward=maybe\n');
    expect(error).toMatchObject({ option: 'stdout_forward', value: 'maybe' });
  });
});
