import { describe, expect, it } from 'vitest';

import { envNames, expand, scopeNames, type ScopeValues } from './expand.js';
import { pyFormat } from './printf.js';

const names = new Map<string, string | number>([
  ['s', 'x'],
  ['name', 'web'],
  ['a', 1],
  ['n', -42],
  ['b', 255],
  ['q', "it's"],
]);

describe('Python printf (outputs checked against CPython 3.11)', () => {
  it.each([
    ['plain', 'plain'],
    ['100%%', '100%'],
    ['%(s)s', 'x'],
    ['%(a)s', '1'],
    ['%(a)05.3d', '00001'],
    ['%(a)-5d|', '1    |'],
    ['%(a)#x', '0x1'],
    ['%(a)+d', '+1'],
    ['%(a) d', ' 1'],
    ['%(s)5.1s|', '    x|'],
    ['%(s)r', "'x'"],
    ['%(q)r', `"it's"`],
    ['%(n)05d', '-0042'],
    ['%(n)+.4d', '-0042'],
    ['%(b)#08x', '0x0000ff'],
    ['%(b)-#8X|', '0XFF    |'],
    ['%(n)x', '-2a'],
    ['%(n)#o', '-0o52'],
    ['%(s).0s|', '|'],
    ['%(a)5.3x', '  001'],
    ['%(n) 6d', '   -42'],
    ['%(b)u%(b)i', '255255'],
    ['%(n)-08d|', '-42     |'],
    ['%(s)-05s|', 'x    |'],
    ['%(a)hd%(a)ld', '11'],
    ['%(a).d', '1'],
  ])('%j → %j', (format, expected) => {
    expect(pyFormat(format, names)).toBe(expected);
  });

  it.each([
    ['%(a)%', "unsupported format character '%' (0x25) at index 4"],
    ['%-%', "unsupported format character '%' (0x25) at index 2"],
    ['%(s)d', '%d format: a real number is required, not str'],
    ['%(s)x', '%x format: an integer is required, not str'],
    ['%(', 'incomplete format key'],
    ['%(a', 'incomplete format key'],
    ['%(a)', 'incomplete format'],
    ['50%', 'incomplete format'],
    ['%(a)5', 'incomplete format'],
    ['%q', "unsupported format character 'q' (0x71) at index 1"],
    ['%(s)\u0001', "unsupported format character '?' (0x1) at index 4"],
    ['%(s)é', "unsupported format character '?' (0xe9) at index 4"],
    ['%(a)*d', 'not enough arguments for format string'],
    // Ours: the reference formats the whole mapping into the value here.
    ['echo %s', '%s without a name at index 5 (use %(name)s)'],
    ['%(a)f', '%f is not supported by tssupervisor'],
  ])('%j fails: %s', (format, message) => {
    expect(() => pyFormat(format, names)).toThrow(message);
  });

  it('looks a name up before parsing the rest of the conversion', () => {
    expect(() => pyFormat('%(zz)q', names)).toThrow("'zz'");
    expect(() => pyFormat('%(a(b)c)s', names)).toThrow("'a(b)c'");
  });
});

describe('expand: the reference error texts', () => {
  it('lists the available names, sorted, for an unknown one', () => {
    const available = new Map<string, string | number>([
      ['here', '/etc'],
      ['ENV_B', 'b'],
      ['ENV_A', 'a'],
    ]);
    expect(() => expand('x %(nope)s', available, 'program:x.command')).toThrow(
      "Format string 'x %(nope)s' for 'program:x.command' contains names ('nope') which cannot be expanded. Available names: ENV_A, ENV_B, here",
    );
  });

  it('wraps format errors', () => {
    expect(() => expand('50%', new Map(), 'stdout_logfile')).toThrow(
      "Format string '50%' for 'stdout_logfile' is badly formatted: incomplete format",
    );
  });
});

describe('names available per place', () => {
  const values: ScopeValues = {
    env: envNames({ HOME: '/root' }),
    here: '/etc/supervisor',
    hostNodeName: 'box',
    programName: 'web',
    groupName: 'g',
    processNum: 3,
    numprocs: 4,
    processEnv: envNames({ OWN: 'yes', HOME: '/home/web' }),
  };
  const keys = (scope: Parameters<typeof scopeNames>[0]): string[] =>
    [...scopeNames(scope, values).keys()].sort();

  it.each([
    ['env', ['ENV_HOME']],
    ['here', ['ENV_HOME', 'here']],
    ['include', ['ENV_HOME', 'here', 'host_node_name']],
    ['program', ['ENV_HOME', 'group_name', 'here', 'host_node_name', 'program_name']],
    [
      'process',
      [
        'ENV_HOME',
        'ENV_OWN',
        'group_name',
        'here',
        'host_node_name',
        'numprocs',
        'process_num',
        'program_name',
      ],
    ],
  ] as const)('%s', (scope, expected) => {
    expect(keys(scope)).toEqual(expected);
  });

  it("lets a program's own environment win in process scope", () => {
    const process = scopeNames('process', values);
    expect(process.get('ENV_HOME')).toBe('/home/web');
    expect(process.get('process_num')).toBe(3);
  });
});
