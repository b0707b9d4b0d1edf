import { PassThrough } from 'node:stream';

import { afterEach, describe, expect, it, vi } from 'vitest';

import { openScreen, type DashboardScreen, type KeyPress } from './screen.js';
import { sampleState } from './testing/sample-state.js';
import { viewModel } from './view-model.js';

const fakeTerminal = () => {
  const input = new PassThrough();
  const output = Object.assign(new PassThrough(), { columns: 100, rows: 30, isTTY: true });
  let written = '';
  output.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
  return { input, output, written: () => written };
};

let screen: DashboardScreen | undefined;
afterEach(() => {
  screen?.destroy();
  screen = undefined;
});

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the blessed screen', () => {
  it('paints the view-model, and only when it changed', async () => {
    const term = fakeTerminal();
    screen = openScreen({ input: term.input, output: term.output, terminal: 'xterm-256color' });
    expect(screen.size()).toEqual({ cols: 100, rows: 30 });
    const view = viewModel(sampleState(undefined, { cols: 100, rows: 30 }));
    screen.render(view);
    await settle();
    expect(term.written()).toContain('unix:///run/supervisor.sock');
    expect(term.written()).toContain('RUNNING');
    const before = term.written().length;
    screen.render(view);
    await settle();
    expect(term.written().length).toBe(before);
  });

  it('reports keys by name: letters as typed, Enter once, arrows, Ctrl-C', async () => {
    const term = fakeTerminal();
    screen = openScreen({ input: term.input, output: term.output, terminal: 'xterm-256color' });
    const keys: KeyPress[] = [];
    screen.onKey((press) => keys.push(press));
    for (const typed of ['j', 'S', '?', '\r', '\n', '\x1b[A', '\x03', '\t', ' ']) {
      term.input.write(typed);
      await settle();
    }
    expect(keys.map((k) => k.key)).toEqual([
      'j',
      'S',
      '?',
      'enter',
      'enter',
      'up',
      'C-c',
      'tab',
      'space',
    ]);
  });

  it('reports a resize with the new size', async () => {
    const term = fakeTerminal();
    screen = openScreen({ input: term.input, output: term.output, terminal: 'xterm-256color' });
    const sizes: unknown[] = [];
    screen.onResize((size) => sizes.push(size));
    Object.assign(term.output, { columns: 80, rows: 24 });
    term.output.emit('resize');
    // blessed debounces resizes (300 ms).
    await vi.waitFor(() => expect(sizes).toEqual([{ cols: 80, rows: 24 }]), { timeout: 2000 });
  });
});
