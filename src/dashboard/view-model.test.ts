import { describe, expect, it } from 'vitest';

import { BINDINGS, bindingFor, FOOTERS } from './keymap.js';
import { feed, info, key, SAMPLE_PROCESSES, sampleState, usage } from './testing/sample-state.js';
import { viewModel } from './view-model.js';
import { textOf, type Line, type Style } from './view-types.js';

const texts = (lines: readonly Line[]): string[] => lines.map(textOf);

/** The style of the first segment of `line` whose text (trimmed) is `word`. */
const styleOf = (line: Line | undefined, word: string): Style | undefined =>
  line?.find((s) => s.text.trim() === word)?.style;

const rowOf = (lines: readonly Line[], name: string): Line | undefined =>
  lines.find((l) => textOf(l).slice(2).trimStart().startsWith(name));

describe('the frame', () => {
  it.each([
    [160, 48],
    [80, 24],
    [60, 10],
    [30, 6],
  ])('fills a %ix%i terminal exactly', (cols, rows) => {
    const { lines } = viewModel(sampleState(undefined, { cols, rows }));
    expect(lines).toHaveLength(rows);
    for (const line of lines) {
      expect(Array.from(textOf(line))).toHaveLength(cols);
    }
  });

  it('keeps the census whole at 80 columns, giving up the name and the middle of the server', () => {
    const state = sampleState(undefined, { cols: 80, rows: 24 });
    const long = {
      ...state,
      hosts: state.hosts.map((h) => ({
        ...h,
        serverUrl: 'unix:///var/run/supervisor/very/deep/supervisor.sock',
      })),
    };
    const [first] = texts(viewModel(long).lines);
    expect(first).toContain('6 processes: 3 running, 1 backoff, 1 fatal, 1 stopped');
    expect(first).toMatch(/^ unix:\/\/\/var.*…visor\.sock │ 6 processes/);
    expect(Array.from(first!).length).toBe(80);
    expect(first).not.toContain('tssupervisor │');
  });

  it('keeps the log pane at 60×15, and says what a small terminal leaves out', () => {
    const lines = texts(
      viewModel(feed(sampleState(undefined, { cols: 60, rows: 15 }), key('end'))).lines,
    );
    expect(lines.some((l) => l.startsWith('── web stdout'))).toBe(true);
    expect(lines.at(-2)).toContain('a small terminal (60×15): 80×24 or more shows everything');
  });

  it('below 40×8 says how big it needs to be, and how to quit', () => {
    const lines = texts(viewModel(sampleState(undefined, { cols: 30, rows: 6 })).lines);
    expect(lines).toHaveLength(6);
    expect(lines.every((l) => Array.from(l).length === 30)).toBe(true);
    expect(lines.join('\n')).toContain('the dashboard needs 40×8');
    expect(lines.at(-1)).toMatch(/help .*quit/);
  });

  it('heads the screen with the server and a census of states', () => {
    const [first] = texts(viewModel(sampleState()).lines);
    expect(first).toContain('unix:///run/supervisor.sock');
    expect(first).toContain('6 processes: 3 running, 1 backoff, 1 fatal, 1 stopped');
    expect(first).toContain('sort: name');
  });
});

describe('the process table', () => {
  const state = feed(sampleState(), {
    type: 'usage',
    host: '',
    usage: [usage('web', 'web', { pid: 100, cpuPercent: 12.5, rssKb: 2048, restarts: 3 })],
  });
  const { lines } = viewModel(state);

  it('shows name, state, pid, uptime, restarts, CPU and memory of a running process', () => {
    const web = textOf(rowOf(lines, 'web')!);
    expect(web).toMatch(/web\s+RUNNING\s+100\s+0:01:05\s+3\s+12\.5\s+▂\s+2\.0M\s+█/);
  });

  it.each([
    ['web', 'RUNNING', 'green'],
    ['api:api_2', 'BACKOFF', 'yellow'],
    ['broken', 'FATAL', 'red'],
    ['cron', 'STOPPED', 'grey'],
  ])('colours %s %s %s', (name, statename, fg) => {
    expect(styleOf(rowOf(lines, name), statename)?.fg).toBe(fg);
  });

  it('says what went wrong: spawn errors, exit status, descriptions', () => {
    expect(textOf(rowOf(lines, 'broken')!)).toContain("can't find command 'nope'");
    expect(textOf(rowOf(lines, 'cron')!)).toContain('Not started');
    const exited = viewModel(sampleState([info('job', 'job', 'EXITED', { exitstatus: 2 })])).lines;
    expect(textOf(rowOf(exited, 'job')!)).toContain('exit status 2');
  });

  it('heads a group with its worst state and how many run, members indented', () => {
    const header = rowOf(lines, 'api:*')!;
    expect(textOf(header)).toContain('2/3 running');
    expect(styleOf(header, 'BACKOFF')?.fg).toBe('yellow');
    expect(texts(lines).some((t) => t.startsWith('    api:api_0'))).toBe(true);
  });

  it.each([
    [120, "can't find command '/usr/local/bin/redis-server-nonexistent'"],
    [80, "can't find command '/usr/bin/redis-server-nope'"],
  ])('shows a long error whole at %i columns, over the empty cells before INFO', (cols, error) => {
    const processes = [
      ...SAMPLE_PROCESSES.slice(0, 3),
      info('cache', 'cache', 'FATAL', { spawnerr: error }),
    ];
    const wide = viewModel(sampleState(processes, { cols, rows: 30 })).lines;
    expect(textOf(rowOf(wide, 'cache')!)).toMatch(new RegExp(`cache +FATAL +${error} *$`));
    // The other rows keep their columns.
    expect(textOf(rowOf(wide, 'api:api_0')!)).toMatch(/RUNNING +101 +0:01:05/);
  });

  it('shows a HEALTH column only when some process has a probe or depends_on', () => {
    expect(texts(viewModel(state).lines)[1]).not.toContain('HEALTH');
    const base = { readiness: 'none', liveness: 'none', probeFailures: 0, restartInSec: null };
    const healthy = feed(sampleState(undefined, { cols: 120, rows: 30 }), {
      type: 'health',
      host: '',
      health: [
        {
          ...base,
          key: 'api:api_0',
          readiness: 'ready',
          waitingFor: '',
          dependsOn: [],
          reason: '',
        },
        {
          ...base,
          key: 'api:api_1',
          readiness: 'pending',
          waitingFor: '',
          dependsOn: [],
          reason: '',
        },
        { ...base, key: 'web:web', waitingFor: 'api', dependsOn: ['api:ready'], reason: '' },
      ],
    });
    const lines = viewModel(healthy).lines;
    expect(textOf(lines[1]!)).toMatch(/NAME +STATE +HEALTH +PID/);
    expect(textOf(rowOf(lines, 'web')!)).toMatch(/RUNNING +waiting for api +100/);
    expect(styleOf(rowOf(lines, 'api:api_0'), 'ready')?.fg).toBe('green');
    expect(textOf(rowOf(lines, 'api:api_1')!)).toContain('not ready');
    expect(textOf(rowOf(lines, 'api:*')!)).toMatch(/BACKOFF +1\/3 ready/);
  });

  it('marks the selected row, inverse while the table has the keys', () => {
    const selected = lines.find((l) => textOf(l).startsWith('▶'))!;
    expect(textOf(selected)).toContain('api:*');
    expect(selected.every((s) => s.style.inverse === true)).toBe(true);
    const logFocused = viewModel(feed(state, key('j'), key('tab'))).lines;
    const stillMarked = logFocused.find((l) => textOf(l).startsWith('▶'))!;
    expect(stillMarked.every((s) => s.style.inverse !== true)).toBe(true);
  });

  it('shows a dash for CPU and memory when the daemon has no tssupervisor.* (supervisord)', () => {
    const old = feed(sampleState(), { type: 'support', host: '', feature: 'stats', support: 'no' });
    expect(textOf(rowOf(viewModel(old).lines, 'web')!)).toMatch(/–\s+–/);
  });

  it('says why the table is empty', () => {
    expect(texts(viewModel(feed(sampleState(), key('/'), key('z'))).lines)).toContainEqual(
      expect.stringContaining('no process matches “z”'),
    );
    expect(texts(viewModel(sampleState([])).lines)).toContainEqual(
      expect.stringContaining('no processes configured'),
    );
  });
});

describe('the log pane, status line and footer', () => {
  it('shows the followed log under a title naming it', () => {
    const state = feed(sampleState(), key('end'), {
      type: 'log-text',
      targetId: 'web/stdout',
      text: 'hello\n\x1b[31mred\x1b[0m\tline\n',
      replace: true,
    });
    const all = texts(viewModel(state).lines);
    expect(all.find((t) => t.startsWith('── web stdout live'))).toBeDefined();
    expect(all).toContainEqual(expect.stringMatching(/^hello\s+$/));
    expect(all).toContainEqual(expect.stringMatching(/^red {5}line\s+$/));
  });

  it('e twice: stdout and stderr together, stderr’s tag red, the program’s timestamps dimmed', () => {
    const state = feed(
      sampleState(),
      key('end'),
      key('e'),
      key('e'),
      {
        type: 'log-text',
        targetId: 'web/both',
        text: 'out│ 2024-05-01 12:00:01 up\nerr│ 2024-05-01 12:00:02 disk slow\n',
        replace: true,
      },
      key('tab'),
      key('/'),
      key('d'),
      key('i'),
      key('s'),
      key('k'),
      key('enter'),
    );
    const lines = viewModel(state).lines;
    expect(textOf(lines.find((l) => textOf(l).startsWith('── web'))!)).toMatch(
      /^── web stdout\+stderr live/,
    );
    const err = lines.find((l) => textOf(l).startsWith('err│'))!;
    expect(err.slice(0, 4)).toEqual([
      { text: 'err│ ', style: { fg: 'red' } },
      { text: '2024-05-01 12:00:02', style: { fg: 'grey' } },
      { text: ' ', style: {} },
      { text: 'disk', style: { bg: 'magenta', fg: 'white', bold: true } },
    ]);
    const out = lines.find((l) => textOf(l).startsWith('out│'))!;
    expect(out[0]).toEqual({ text: 'out│ ', style: { fg: 'grey' } });
  });

  it('full screen: the log under the header, no table, and the log pane’s keys', () => {
    const text = Array.from({ length: 60 }, (_, i) => `line ${i}\n`).join('');
    const state = feed(
      sampleState(undefined, { cols: 80, rows: 24 }),
      key('end'),
      { type: 'log-text', targetId: 'web/stdout', text, replace: true },
      key('f'),
    );
    const lines = texts(viewModel(state).lines);
    expect(lines).toHaveLength(24);
    expect(lines[1]).toMatch(/^── web stdout live full screen \(f: back\) ─+$/);
    expect(lines[2]).toMatch(/^line 40 +$/);
    expect(lines[21]).toMatch(/^line 59 +$/);
    expect(lines.join('\n')).not.toContain('RUNNING');
    expect(lines[23]).toMatch(
      /^ ↑↓ {2}scroll {2}\/ {2}search {2}n N {2}next\/prev {2}f {2}full log /,
    );
  });

  it('paused and wrapped, the title says so; wrapped lines take the rows they need', () => {
    const state = feed(
      sampleState(undefined, { cols: 50, rows: 20 }),
      key('end'),
      {
        type: 'log-text',
        targetId: 'web/stdout',
        text: `${'ab'.repeat(30)}\nend\n`,
        replace: true,
      },
      key('F'),
      key('w'),
    );
    const lines = texts(viewModel(state).lines);
    const title = lines.findIndex((l) => l.startsWith('── web stdout'));
    expect(lines[title]).toContain('live paused (F: follow) wrap');
    expect(lines.slice(title + 1, title + 4)).toEqual([
      'ab'.repeat(25),
      'ab'.repeat(5).padEnd(50),
      'end'.padEnd(50),
    ]);
  });

  it('highlights the matches of the search, the one shown brighter, and counts them', () => {
    const state = feed(
      sampleState(undefined, { cols: 80, rows: 24 }),
      key('end'),
      {
        type: 'log-text',
        targetId: 'web/stdout',
        text: 'a Boom\nquiet\nboom boom\n',
        replace: true,
      },
      key('tab'),
      key('/'),
      ...Array.from('boom', (c) => key(c)),
    );
    const { lines } = viewModel(state);
    const all = texts(lines);
    expect(all.find((l) => l.startsWith('── web stdout'))).toContain('search “boom” 2/2');
    expect(all.at(-2)).toContain('search the log: boom▏  Enter: keep   Esc: drop');
    const older = lines.find((l) => textOf(l).startsWith('a Boom'))!;
    expect(older.find((s) => s.text === 'Boom')?.style).toEqual({ bg: 'yellow', fg: 'black' });
    const shown = lines.find((l) => textOf(l).startsWith('boom boom'))!;
    expect(shown.filter((s) => s.text === 'boom').map((s) => s.style.bg)).toEqual([
      'magenta',
      'magenta',
    ]);
  });

  it('footer: the keys of the context, as the keymap names them, help and quit at the right', () => {
    const footer = textOf(viewModel(sampleState(undefined, { cols: 300, rows: 40 })).lines.at(-1)!);
    for (const intent of FOOTERS.table.first) {
      const binding = bindingFor(intent, 'table')!;
      expect(footer).toContain(` ${binding.footerLabel ?? binding.label}  ${binding.footer} `);
    }
    expect(footer).toMatch(/^ ↑↓ {2}move {2}Enter {2}details {2}s {2}start/);
    expect(footer).toMatch(/ \? {2}help {2}q {2}quit $/);
  });

  it('footer: the log pane’s keys while it has them', () => {
    const footer = textOf(viewModel(feed(sampleState(), key('end'), key('tab'))).lines.at(-1)!);
    expect(footer).toMatch(
      /^ ↑↓ {2}scroll {2}\/ {2}search {2}n N {2}next\/prev {2}f {2}full log {2}F {2}follow {2}w {2}wrap/,
    );
    expect(footer).toContain('Tab  table');
    expect(footer).not.toContain('filter');
  });

  it.each([
    [80, 24],
    [60, 15],
    [40, 8],
  ])('footer: help and quit at %ix%i', (cols, rows) => {
    const footer = textOf(viewModel(sampleState(undefined, { cols, rows })).lines.at(-1)!);
    expect(footer).toMatch(/ \? {2}help {2}q {2}quit $/);
  });

  it('status line: a command under way, then its result in colour', () => {
    const running = feed(sampleState(), key('end'), key('x'));
    expect(textOf(viewModel(running).lines.at(-2)!)).toContain('⟳ stopping web…');
    const failed = feed(running, {
      type: 'command-done',
      id: 1,
      outcome: { ok: false, text: 'web: ERROR (not running)' },
    });
    const line = viewModel(failed).lines.at(-2)!;
    expect(textOf(line)).toContain('web: ERROR (not running)');
    expect(styleOf(line, 'web: ERROR (not running)')?.fg).toBe('red');
  });

  it('a lost connection turns the header into a red banner', () => {
    const lost = feed(sampleState(), {
      type: 'connection-lost',
      host: '',
      reason: 'unix:///run/supervisor.sock refused connection',
      atMs: 0,
    });
    const header = viewModel(lost).lines[0]!;
    expect(textOf(header)).toContain(
      'connection lost: unix:///run/supervisor.sock refused connection',
    );
    expect(header[0]?.style.bg).toBe('red');
  });
});

describe('overlays', () => {
  it('? lists every key, scrolling when they do not fit', () => {
    let state = feed(sampleState(undefined, { cols: 80, rows: 24 }), key('?'));
    const seen = new Set<string>();
    for (let i = 0; i < 100; i++) {
      texts(viewModel(state).overlay!.lines).forEach((l) => seen.add(l.trim()));
      state = feed(state, key('down'));
    }
    expect(state.overlay).not.toBeNull();
    const all = [...seen].join('\n');
    for (const binding of BINDINGS) {
      expect(all).toContain(binding.help);
    }
    expect(viewModel(state).overlay!.title).toContain('scroll');
    expect(feed(state, key('x')).overlay).toBeNull();
  });

  it('the signal picker and the confirmation', () => {
    const picker = viewModel(feed(sampleState(), key('end'), key('i'), key('j'))).overlay!;
    expect(picker.title).toContain('Signal web');
    expect(texts(picker.lines)).toContainEqual(expect.stringContaining('▶ SIGTERM'));
    const confirm = viewModel(feed(sampleState(), key('X'))).overlay!;
    expect(texts(confirm.lines).join('\n')).toContain('Stop all 6 processes?');
  });
});
