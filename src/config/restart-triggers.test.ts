// restart_on_memory, restart_on_cron, watch, watch_ignore, watch_debounce: values, defaults,
// per-process expansion of watch, and errors naming file, line and option.

import { describe, expect, it } from 'vitest';

import { errors, MAIN, ok } from '../../test/fakes/config-loading.js';
import { formatConfigError } from './errors.js';

const HEAD = '[supervisord]\n';

const processes = (text: string) => ok(HEAD + text).groups.flatMap((g) => g.processes);

describe('restart triggers in [program:x]', () => {
  it('are all off by default (supervisord behaviour)', () => {
    const [web] = processes('[program:web]\ncommand=/bin/cat\n');
    expect(web?.restartTriggers).toEqual({ memoryBytes: 0, cron: null, watch: null });
  });

  it('reads a memory limit in supervisord byte sizes', () => {
    const [web] = processes('[program:web]\ncommand=/bin/cat\nrestart_on_memory = 512MB\n');
    expect(web?.restartTriggers.memoryBytes).toBe(512 * 1024 * 1024);
    const [db] = processes('[program:db]\ncommand=/bin/cat\nrestart_on_memory=2gb\n');
    expect(db?.restartTriggers.memoryBytes).toBe(2 * 1024 ** 3);
  });

  it('reads a cron schedule', () => {
    const [web] = processes('[program:web]\ncommand=/bin/cat\nrestart_on_cron = 0 4 * * *\n');
    expect(web?.restartTriggers.cron).toMatchObject({ text: '0 4 * * *', hours: [4] });
  });

  it('reads watch paths per process, relative to directory=, with ignore and debounce', () => {
    const found = processes(
      [
        '[program:web]',
        'command=/bin/cat',
        'numprocs=2',
        'process_name=%(program_name)s_%(process_num)d',
        'directory=/srv/app',
        'watch = src, conf/%(process_num)d.ini, /etc/app.conf, ~/x',
        'watch_ignore = *.pyc, __pycache__, build/*',
        'watch_debounce = 0.5',
        '',
      ].join('\n'),
    );
    expect(found.map((p) => p.restartTriggers.watch)).toEqual([
      {
        paths: ['/srv/app/src', '/srv/app/conf/0.ini', '/etc/app.conf', '/home/app/x'],
        ignore: ['*.pyc', '__pycache__', 'build/*'],
        debounceMs: 500,
      },
      {
        paths: ['/srv/app/src', '/srv/app/conf/1.ini', '/etc/app.conf', '/home/app/x'],
        ignore: ['*.pyc', '__pycache__', 'build/*'],
        debounceMs: 500,
      },
    ]);
  });

  it('relative watch paths without directory= are relative to the config file', () => {
    const [web] = processes('[program:web]\ncommand=/bin/cat\nwatch=app\n');
    expect(web?.restartTriggers.watch).toEqual({
      paths: ['/etc/supervisor/app'],
      ignore: [],
      debounceMs: 1000,
    });
  });

  it.each([
    [
      'restart_on_memory=lots',
      "restart_on_memory: invalid restart_on_memory 'lots': use a size such as 512MB or 2GB",
    ],
    [
      'restart_on_cron=0 25 * * *',
      "restart_on_cron: invalid hour '25' in restart_on_cron '0 25 * * *' (0–23)",
    ],
    ['watch=src\nwatch_debounce=0', "watch_debounce: invalid watch_debounce '0'"],
  ])('refuses %j naming file, line and option', (line, message) => {
    const found = errors(`${HEAD}[program:web]\ncommand=/bin/cat\n${line}\n`);
    expect(found.map(formatConfigError)[0]).toContain(
      `${MAIN}:${line.includes('\n') ? 5 : 4}: [program:web] ${message}`,
    );
  });
});
