// The only blessed user: a full-screen box the view-model's lines are painted into, a bordered
// box for overlays, and keys and resizes reported back. Paints only what changed.

import blessed from 'blessed';
import type { Readable, Writable } from 'node:stream';

import type { Size } from './layout.js';
import type { Line, OverlayView, Style, ViewModel } from './view-types.js';

export interface KeyPress {
  /** `j`, `S`, `?`, `enter`, `escape`, `up`, `tab`, `C-c`… */
  readonly key: string;
  /** The character typed, if any. */
  readonly ch: string | undefined;
}

export interface DashboardScreen {
  size(): Size;
  render(view: ViewModel): void;
  onKey(handler: (press: KeyPress) => void): void;
  onResize(handler: (size: Size) => void): void;
  /** Gives the terminal back as it was. */
  destroy(): void;
}

export interface ScreenOptions {
  readonly input: Readable;
  readonly output: Writable;
  /** terminfo name; blessed reads $TERM when not given */
  readonly terminal?: string;
}

const tagged = (text: string, style: Style): string => {
  const tags = [
    style.fg === undefined ? null : `${style.fg}-fg`,
    style.bg === undefined ? null : `${style.bg}-bg`,
    style.bold === true ? 'bold' : null,
    style.underline === true ? 'underline' : null,
    style.inverse === true ? 'inverse' : null,
  ].filter((t): t is string => t !== null);
  const escaped = blessed.escape(text);
  return tags.length === 0 ? escaped : `${tags.map((t) => `{${t}}`).join('')}${escaped}{/}`;
};

const content = (lines: readonly Line[]): string =>
  lines.map((line) => line.map((s) => tagged(s.text, s.style)).join('')).join('\n');

/** Printable characters are their own name (`S`, not blessed's `S-s`); LF is Enter too. */
const keyName = (ch: string | undefined, key: blessed.Widgets.Events.IKeyEventArg): string => {
  if (ch !== undefined && ch.length === 1 && ch > ' ' && ch !== '\x7f' && !key.ctrl && !key.meta) {
    return ch;
  }
  return key.full === 'linefeed' ? 'enter' : key.full;
};

export const openScreen = (options: ScreenOptions): DashboardScreen => {
  // @types/blessed swaps the two in IScreenOptions (input: Writable, output: Readable).
  const streams = { input: options.input, output: options.output } as unknown as Pick<
    blessed.Widgets.IScreenOptions,
    'input' | 'output'
  >;
  const screen = blessed.screen({
    ...streams,
    ...(options.terminal === undefined ? {} : { terminal: options.terminal }),
    smartCSR: true,
    fullUnicode: true,
    warnings: false,
    title: 'tssupervisor',
  });
  const frame = blessed.box({
    parent: screen,
    top: 0,
    left: 0,
    width: '100%',
    height: '100%',
    tags: true,
    wrap: false,
  });
  const overlay = blessed.box({
    parent: screen,
    top: 'center',
    left: 'center',
    width: 10,
    height: 5,
    tags: true,
    wrap: false,
    hidden: true,
    border: { type: 'line' },
    style: { border: { fg: 'cyan' } },
  });
  // In a UTF-8 terminal, box-drawing characters go out as they are rather than through the
  // VT100 line-drawing charset, so copy/paste and `tmux capture-pane` see real characters.
  const tput = screen.tput as unknown as { unicode: boolean; brokenACS: boolean };
  if (tput.unicode) {
    tput.brokenACS = true;
  }
  screen.program.hideCursor();

  let shownFrame = '';
  let shownOverlay: string | null = null;

  /** Shows, changes or hides the overlay box; true when something changed. */
  const placeOverlay = (view: OverlayView | null): boolean => {
    const text = view === null ? '' : content(view.lines);
    const key = view === null ? null : `${view.title}\n${view.width}x${view.height}\n${text}`;
    if (key === shownOverlay) {
      return false;
    }
    shownOverlay = key;
    if (view === null) {
      overlay.hide();
      return true;
    }
    overlay.width = view.width + 2;
    overlay.height = view.height + 2;
    overlay.setLabel(blessed.escape(view.title));
    overlay.setContent(text);
    overlay.show();
    overlay.setFront();
    return true;
  };

  return {
    size: () => ({ cols: screen.program.cols, rows: screen.program.rows }),
    render: (view) => {
      const text = content(view.lines);
      const frameChanged = text !== shownFrame;
      if (frameChanged) {
        frame.setContent(text);
        shownFrame = text;
      }
      const overlayChanged = placeOverlay(view.overlay);
      if (frameChanged || overlayChanged) {
        screen.render();
      }
    },
    onKey: (handler) => {
      screen.on('keypress', (ch: string | undefined, key: blessed.Widgets.Events.IKeyEventArg) => {
        // Enter arrives twice, as `return` and as `enter`: one is enough.
        if (key.full === 'return') {
          return;
        }
        handler({ key: keyName(ch, key), ch });
      });
    },
    onResize: (handler) => {
      screen.on('resize', () => handler({ cols: screen.program.cols, rows: screen.program.rows }));
    },
    destroy: () => {
      screen.program.showCursor();
      screen.destroy();
    },
  };
};
