import { describe, expect, it } from 'vitest';

import { unseenPart } from './log-overlap.js';
import {
  appendLogText,
  emptyLogPane,
  logLines,
  MAX_LOG_LINES,
  replaceLogText,
  retarget,
  scrollLog,
  toggleFollow,
  toggleWrap,
} from './log-pane.js';

const following = retarget(emptyLogPane, {
  kind: 'process',
  host: '',
  namespec: 'web',
  channel: 'stdout',
});

describe('log text', () => {
  it('splits lines, keeps an unfinished last line apart until its newline comes', () => {
    let pane = appendLogText(following, 'one\ntw');
    expect(pane.lines).toEqual(['one']);
    expect(logLines(pane)).toEqual(['one', 'tw']);
    pane = appendLogText(pane, 'o\n');
    expect(logLines(pane)).toEqual(['one', 'two']);
  });

  it('shows text, never terminal controls: colours, titles and carriage returns', () => {
    const pane = appendLogText(
      following,
      '\x1b[1;31mred\x1b[0m\n\x1b]0;title\x07x\n10%\r55%\r100%\r\nbell\x07\ta\n',
    );
    expect(pane.lines).toEqual(['red', 'x', '100%', 'bell    a']);
  });

  it('keeps the last lines only', () => {
    const text = Array.from({ length: MAX_LOG_LINES + 10 }, (_, i) => `${i}\n`).join('');
    const pane = replaceLogText(following, text);
    expect(pane.lines).toHaveLength(MAX_LOG_LINES);
    expect(pane.lines[0]).toBe('10');
  });

  const view = { height: 2, width: 10 };

  it('scrolled back, the view stays on its lines while new ones arrive', () => {
    let pane = replaceLogText(following, 'a\nb\nc\nd\ne\n');
    pane = scrollLog(pane, 2, view);
    expect(pane).toMatchObject({ scrollBack: 2, follow: false });
    pane = appendLogText(pane, 'f\n');
    expect(pane.scrollBack).toBe(3);
    expect(scrollLog(pane, 100, view).scrollBack).toBe(4);
    expect(scrollLog(pane, -100, view)).toMatchObject({ scrollBack: 0, follow: true });
  });

  it('F pauses where it is and follows again; w wraps long lines', () => {
    let pane = toggleFollow(replaceLogText(following, 'a\nb\n'));
    expect(pane).toMatchObject({ scrollBack: 0, follow: false });
    pane = appendLogText(pane, 'c\nd\n');
    expect(pane.scrollBack).toBe(2);
    pane = toggleFollow(pane);
    expect(pane).toMatchObject({ scrollBack: 0, follow: true });
    // Wrapped, a 25-character line takes three rows of 10: fewer lines fit, more to scroll.
    const long = replaceLogText(following, `${'x'.repeat(25)}\nshort\n`);
    expect(scrollLog(long, 100, view).scrollBack).toBe(0);
    expect(scrollLog(toggleWrap(long, view), 100, view).scrollBack).toBe(1);
  });

  it('another target starts empty; the same one keeps its lines', () => {
    const pane = appendLogText(following, 'x\n');
    expect(retarget(pane, { kind: 'process', host: '', namespec: 'web', channel: 'stdout' })).toBe(
      pane,
    );
    expect(retarget(pane, { kind: 'main', host: '' })).toMatchObject({
      lines: [],
      targetId: 'main',
    });
    expect(retarget(pane, null).status).toEqual({ kind: 'idle' });
  });
});

describe('joining the tail read back with the stream', () => {
  const history = `${'x'.repeat(2000)}\nline one\nline two, long enough to matter here\n`;

  it('drops what the tail already had', () => {
    const chunk = history.slice(-1024);
    expect(unseenPart(history, chunk)).toBe('');
    expect(unseenPart(history, `${chunk}new line\n`)).toBe('new line\n');
  });

  it('a stream that starts mid-character still matches', () => {
    expect(unseenPart(`é${history}`, `\uFFFD${history.slice(-500)}more\n`)).toBe('more\n');
  });

  it('keeps everything when they do not overlap, or only by chance', () => {
    expect(unseenPart(history, 'entirely new\n')).toBe('entirely new\n');
    expect(unseenPart('abc\n', '\nnew text that is long enough to count as real\n')).toBe(
      '\nnew text that is long enough to count as real\n',
    );
    expect(unseenPart('', 'first\n')).toBe('first\n');
  });

  it('a short log read back whole is where the stream starts', () => {
    expect(unseenPart('hello\n', 'hello\n')).toBe('');
    expect(unseenPart('a\nb\n', 'a\nb\nc\n')).toBe('c\n');
  });
});
