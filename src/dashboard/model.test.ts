import { describe, expect, it } from 'vitest';

import { reduce } from './model.js';
import { feed, info, key, sampleState, NOW_SEC, usage } from './testing/sample-state.js';

const keysOf = (state: ReturnType<typeof sampleState>) => state.rows.map((r) => r.key);

describe('rows and selection', () => {
  it('groups several processes under a header, a lone one stands alone, sorted by name', () => {
    expect(keysOf(sampleState())).toEqual([
      'api:*',
      'api:api_0',
      'api:api_1',
      'api:api_2',
      'broken:broken',
      'cron:cron',
      'web:web',
    ]);
  });

  it.each([
    ['down', ['j'], 'api:api_0'],
    ['down twice, up once', ['j', 'j', 'k'], 'api:api_0'],
    ['past the end stays on the last', ['End', 'j', 'j'], 'web:web'],
    ['home', ['G', 'home'], 'api:*'],
    ['page down', ['pagedown'], 'web:web'],
    ['arrow keys', ['down', 'down', 'up'], 'api:api_0'],
  ])('%s', (_, keys, selected) => {
    const state = feed(sampleState(), ...keys.map((k) => key(k === 'End' ? 'end' : k)));
    expect(state.selectedKey).toBe(selected);
  });

  it('keeps the selected process when new figures reorder the rows (CPU sort)', () => {
    let state = feed(sampleState(), key('o'), key('o'), key('end'));
    expect(state.sort).toBe('cpu');
    expect(state.selectedKey).toBe('web:web');
    state = feed(state, {
      type: 'usage',
      host: '',
      usage: [usage('web', 'web', { cpuPercent: 90 })],
    });
    expect(keysOf(state)[0]).toBe('web:web');
    expect(state.selectedKey).toBe('web:web');
    expect(state.selectedIndex).toBe(0);
  });

  it('when the selected process goes away, selects the row now in its place', () => {
    const state = feed(sampleState(), key('j'), key('j'), key('j'), key('j'), key('j'));
    expect(state.selectedKey).toBe('cron:cron');
    const after = feed(state, {
      type: 'processes',
      host: '',
      processes: sampleState().processes.filter((p) => p.name !== 'cron'),
      receivedAtMs: NOW_SEC * 1000,
    });
    expect(after.selectedKey).toBe('web:web');
  });

  it('scrolls to keep the selection in view, also after a resize', () => {
    const many = Array.from({ length: 100 }, (_, i) =>
      info(`p${String(i).padStart(3, '0')}`, `p${String(i).padStart(3, '0')}`, 'RUNNING'),
    );
    let state = sampleState(many, { cols: 100, rows: 30 });
    state = feed(state, ...Array.from({ length: 40 }, () => key('j')));
    expect(state.selectedIndex).toBe(40);
    expect(state.scrollTop).toBeGreaterThan(20);
    expect(state.scrollTop).toBeLessThanOrEqual(40);
    state = feed(state, { type: 'resize', cols: 100, rows: 12 });
    expect(state.selectedIndex - state.scrollTop).toBeLessThan(12);
    expect(state.selectedIndex).toBeGreaterThanOrEqual(state.scrollTop);
  });

  it('g shows every process on its own row', () => {
    expect(keysOf(feed(sampleState(), key('g')))).not.toContain('api:*');
  });
});

describe('the filter', () => {
  it('filters as you type, by name or state; Enter keeps it, Esc clears it', () => {
    let state = feed(sampleState(), key('/'), key('a'), key('p'));
    expect(state.filter).toEqual({ text: 'ap', editing: true, returnKey: 'api:*' });
    expect(keysOf(state)).toEqual(['api:*', 'api:api_0', 'api:api_1', 'api:api_2']);
    state = feed(state, key('enter'));
    expect(state.filter.editing).toBe(false);
    // Keys act again once the filter is kept.
    expect(feed(state, key('j')).selectedKey).toBe('api:api_0');
    state = feed(state, key('/'), key('backspace'), key('backspace'), key('f'), key('a'), key('t'));
    expect(keysOf(state)).toEqual(['broken:broken']);
    state = feed(state, key('escape'));
    expect(state.filter).toEqual({ text: '', editing: false, returnKey: null });
    expect(state.rows).toHaveLength(7);
  });

  it('/ starts a fresh filter, not more of the kept one', () => {
    let state = feed(sampleState(), key('/'), key('w'), key('e'), key('b'), key('enter'));
    expect(keysOf(state)).toEqual(['web:web']);
    state = feed(state, key('/'));
    expect(state.filter.text).toBe('');
    expect(state.rows).toHaveLength(7);
    state = feed(state, key('c'), key('r'));
    expect(keysOf(state)).toEqual(['cron:cron']);
  });

  it('typing selects the first match; Esc goes back to the row selected before', () => {
    let state = feed(sampleState(), key('end'));
    expect(state.selectedKey).toBe('web:web');
    state = feed(state, key('/'), key('a'));
    expect(state.selectedKey).toBe('api:*');
    // No match at all, then a match again: still back to web on Esc.
    state = feed(state, key('z'), key('backspace'), key('j'), key('escape'));
    expect(state.selectedKey).toBe('web:web');
    expect(state.selectedIndex).toBe(6);
  });

  it('while typing, the row selected before stays selected as long as it matches', () => {
    const state = feed(sampleState(), key('end'), key('/'), key('e'));
    expect(keysOf(state)).toContain('web:web');
    expect(state.selectedKey).toBe('web:web');
  });

  it('Esc in the table clears a kept filter and keeps the selection; without one, does nothing', () => {
    let state = feed(sampleState(), key('/'), ...'api_1'.split('').map((c) => key(c)));
    state = feed(state, key('enter'), key('j'));
    expect(state.selectedKey).toBe('api:api_1');
    state = feed(state, key('escape'));
    expect(state.filter.text).toBe('');
    expect(state.rows).toHaveLength(7);
    expect(state.selectedKey).toBe('api:api_1');
    expect(reduce(state, key('escape')).state).toBe(state);
  });

  it('while typing, letters are text, not commands', () => {
    const step = reduce(feed(sampleState(), key('/')), key('q'));
    expect(step.effects).toEqual([]);
    expect(step.state.filter.text).toBe('q');
  });
});

describe('commands', () => {
  it('r restarts the selected process; its outcome becomes the message', () => {
    const state = feed(sampleState(), key('end'));
    const step = reduce(state, key('r'));
    expect(step.effects).toEqual([
      {
        type: 'run-command',
        id: 1,
        command: { verb: 'restart', target: { kind: 'process', host: '', namespec: 'web' } },
      },
    ]);
    expect([...step.state.pending.values()]).toEqual(['restarting web…']);
    const done = feed(step.state, {
      type: 'command-done',
      id: 1,
      outcome: { ok: true, text: 'web: restarted' },
    });
    expect(done.pending.size).toBe(0);
    expect(done.message).toMatchObject({ text: 'web: restarted', tone: 'ok' });
  });

  it('on a group row, s x c act on the whole group', () => {
    const step = reduce(sampleState(), key('c'));
    expect(step.effects).toEqual([
      {
        type: 'run-command',
        id: 1,
        command: {
          verb: 'clear',
          target: {
            kind: 'group',
            host: '',
            group: 'api',
            members: ['api:api_0', 'api:api_1', 'api:api_2'],
          },
        },
      },
    ]);
  });

  it('S X R ask first, and only y goes ahead', () => {
    const asked = feed(sampleState(), key('R'));
    expect(asked.overlay).toMatchObject({ kind: 'confirm', question: 'Restart all 6 processes?' });
    const no = reduce(asked, key('n'));
    expect(no.effects).toEqual([]);
    expect(no.state.overlay).toBeNull();
    expect(no.state.message?.text).toBe('cancelled');
    expect(reduce(asked, key('y')).effects).toEqual([
      { type: 'run-command', id: 1, command: { verb: 'restart', target: { kind: 'all' } } },
    ]);
  });

  it('i picks a signal: arrows choose, Enter sends, Esc cancels', () => {
    const picking = feed(sampleState(), key('end'), key('i'), key('down'), key('j'));
    expect(picking.overlay).toMatchObject({ kind: 'signal', index: 2 });
    expect(reduce(picking, key('enter')).effects).toEqual([
      {
        type: 'run-command',
        id: 1,
        command: {
          verb: 'signal',
          target: { kind: 'process', host: '', namespec: 'web' },
          signal: 'INT',
        },
      },
    ]);
    expect(reduce(picking, key('escape')).state.overlay).toBeNull();
  });

  it('u updates, q quits, and keys with no meaning change nothing', () => {
    expect(reduce(sampleState(), key('u')).effects).toEqual([
      { type: 'run-command', id: 1, command: { verb: 'update' } },
    ]);
    expect(reduce(sampleState(), key('q')).effects).toEqual([{ type: 'quit' }]);
    expect(reduce(sampleState(), key('C-c')).effects).toEqual([{ type: 'quit' }]);
    const state = sampleState();
    expect(reduce(state, key('z')).state).toBe(state);
  });

  it('says so when nothing is selected', () => {
    const empty = sampleState([]);
    expect(reduce(empty, key('s')).state.message).toMatchObject({
      text: 'nothing selected',
      tone: 'info',
    });
  });
});

describe('the log pane', () => {
  it('follows the selected process, stdout or stderr (e), or the main log (m)', () => {
    let state = sampleState();
    expect(state.log.target).toBeNull();
    state = feed(state, key('j'));
    expect(state.log.target).toEqual({
      kind: 'process',
      host: '',
      namespec: 'api:api_0',
      channel: 'stdout',
    });
    expect(state.log.status).toEqual({ kind: 'loading' });
    state = feed(state, key('e'));
    expect(state.log.targetId).toBe('api:api_0/stderr');
    state = feed(state, key('m'));
    expect(state.log.target).toEqual({ kind: 'main', host: '' });
    state = feed(state, key('j'));
    expect(state.log.target).toEqual({ kind: 'main', host: '' });
    state = feed(state, key('m'));
    expect(state.log.targetId).toBe('api:api_1/stderr');
  });

  it('takes text only for the log it follows, and starts afresh on another', () => {
    let state = feed(sampleState(), key('j'));
    state = feed(
      state,
      { type: 'log-text', targetId: 'api:api_0/stdout', text: 'one\ntwo\n', replace: true },
      { type: 'log-text', targetId: 'web/stdout', text: 'stale\n', replace: false },
      { type: 'log-text', targetId: 'api:api_0/stdout', text: 'three\n', replace: false },
    );
    expect(state.log.lines).toEqual(['one', 'two', 'three']);
    expect(state.log.status).toEqual({ kind: 'live' });
    expect(feed(state, key('j')).log.lines).toEqual([]);
  });

  it('Tab gives the keys to the log pane: they scroll it, End follows again', () => {
    let state = feed(sampleState(), key('end'));
    const text = Array.from({ length: 100 }, (_, i) => `line ${i}\n`).join('');
    state = feed(
      state,
      { type: 'log-text', targetId: 'web/stdout', text, replace: true },
      key('tab'),
    );
    expect(state.focus).toBe('log');
    state = feed(state, key('k'), key('k'), key('pageup'));
    expect(state.selectedKey).toBe('web:web');
    expect(state.log.scrollBack).toBeGreaterThan(2);
    expect(feed(state, key('end')).log.scrollBack).toBe(0);
    expect(feed(state, key('tab')).focus).toBe('page');
  });
});

describe('the status line', () => {
  it('says a word for a while, an error longer', () => {
    const said = feed(sampleState(), key('o'));
    expect(said.message?.text).toBe('sorted by state');
    const tick = (ms: number) => ({ type: 'tick', nowMs: said.nowMs + ms }) as const;
    expect(feed(said, tick(3000)).message?.text).toBe('sorted by state');
    expect(feed(said, tick(4000)).message).toBeNull();
    const failed = feed(sampleState(), key('end'), key('x'), {
      type: 'command-done',
      id: 1,
      outcome: { ok: false, text: 'web: ERROR (not running)' },
    });
    expect(feed(failed, tick(8000)).message?.tone).toBe('error');
    expect(feed(failed, tick(12_000)).message).toBeNull();
  });
});

describe('the log pane, full screen', () => {
  it('f takes the whole screen with the keys, f, Esc or Tab gives the table back', () => {
    let state = feed(sampleState(), key('end'), key('f'));
    expect(state).toMatchObject({ logZoomed: true, focus: 'log' });
    expect(feed(state, key('f'))).toMatchObject({ logZoomed: false, focus: 'page' });
    expect(feed(state, key('escape'))).toMatchObject({ logZoomed: false, focus: 'page' });
    expect(feed(state, key('tab'))).toMatchObject({ logZoomed: false, focus: 'page' });
    // The selection stays; the keys scroll the log meanwhile.
    state = feed(
      state,
      { type: 'log-text', targetId: 'web/stdout', text: 'x\n'.repeat(200), replace: true },
      key('k'),
    );
    expect(state.selectedKey).toBe('web:web');
    expect(state.log).toMatchObject({ scrollBack: 1, follow: false });
  });

  it('Esc in the log pane gives the keys back to the table, selection untouched', () => {
    const state = feed(sampleState(), key('j'), key('tab'), key('escape'));
    expect(state).toMatchObject({ focus: 'page', selectedKey: 'api:api_0' });
  });

  it('where there is no room for the pane, Tab says so and f still shows it', () => {
    const small = feed(sampleState(undefined, { cols: 80, rows: 12 }), key('end'), key('tab'));
    expect(small.focus).toBe('page');
    expect(small.message?.text).toContain('f shows it full screen');
    expect(feed(small, key('f')).logZoomed).toBe(true);
  });
});

describe('the log search', () => {
  const text = Array.from(
    { length: 100 },
    (_, i) => `line ${i}${i % 10 === 5 ? ' boom' : ''}\n`,
  ).join('');
  const withLog = () =>
    feed(
      sampleState(),
      key('end'),
      { type: 'log-text', targetId: 'web/stdout', text, replace: true },
      key('tab'),
    );
  const typed = (state: ReturnType<typeof withLog>, word: string) =>
    feed(state, ...Array.from(word, (c) => key(c)));

  it('/ in the log pane searches as you type, showing the newest match; n N older and newer', () => {
    let state = typed(feed(withLog(), key('/')), 'boom');
    expect(state.log.search).toEqual({ query: 'boom', editing: true, current: 95 });
    // Letters are the query's while typing: n was no command.
    state = feed(state, key('enter'));
    expect(state.log.search.editing).toBe(false);
    expect(state.filter.text).toBe('');
    state = feed(state, key('n'), key('n'));
    expect(state.log.search.current).toBe(75);
    expect(state.log.follow).toBe(false);
    state = feed(state, key('N'));
    expect(state.log.search.current).toBe(85);
  });

  it('says when there is no match, or none further', () => {
    const none = typed(feed(withLog(), key('/')), 'nothing');
    expect(feed(none, key('enter')).message?.text).toBe('no line matches “nothing”');
    const last = feed(typed(feed(withLog(), key('/')), 'boom'), key('enter'), key('N'));
    expect(last.message?.text).toBe('no newer line matches “boom”');
    expect(last.log.search.current).toBe(95);
    expect(feed(withLog(), key('n')).message?.text).toContain('/ searches the log');
  });

  it('Esc drops the search, then gives the keys back to the table', () => {
    let state = feed(typed(feed(withLog(), key('/')), 'boom'), key('enter'));
    state = feed(state, key('escape'));
    expect(state.log.search.query).toBe('');
    expect(state.focus).toBe('log');
    expect(feed(state, key('escape')).focus).toBe('page');
    const typing = typed(feed(withLog(), key('/')), 'bo');
    expect(feed(typing, key('escape')).log.search).toEqual({
      query: '',
      editing: false,
      current: null,
    });
  });

  it('another log starts without a search', () => {
    const state = feed(typed(feed(withLog(), key('/')), 'boom'), key('enter'), key('e'));
    expect(state.log.search.query).toBe('');
  });
});

describe('the connection', () => {
  it('counts attempts while lost and keeps the first failure time; data brings it back', () => {
    let state = feed(
      sampleState(),
      { type: 'connection-lost', host: '', reason: 'refused', atMs: 1000 },
      { type: 'connection-lost', host: '', reason: 'refused', atMs: 2000 },
    );
    expect(state.hosts[0]?.connection).toEqual({
      kind: 'lost',
      reason: 'refused',
      sinceMs: 1000,
      attempts: 2,
    });
    state = feed(state, {
      type: 'processes',
      host: '',
      processes: state.processes,
      receivedAtMs: 3000,
    });
    expect(state.hosts[0]?.connection).toEqual({ kind: 'up' });
  });
});
