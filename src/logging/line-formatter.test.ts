// The line framing behind log_format= and forwarding, driven by hand-picked times: one head per
// line whatever the reads, partial lines flushed when told, UTF-8 and CRLF kept intact.

import { describe, expect, it } from 'vitest';

import { formatIsoLocal } from './iso-timestamp.js';
import { incompleteUtf8Tail, LineFormatter, RENDER_BLOCK_BYTES } from './line-formatter.js';
import { headedLines, jsonLines } from './line-renderers.js';

const T0 = new Date(2024, 4, 1, 13, 4, 5, 123).getTime();
const stamp = (ms: number): string => formatIsoLocal(ms);

const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const text = (chunks: readonly Uint8Array[]): string => Buffer.concat(chunks).toString('utf8');

/** Feeds `input` cut at every `size` bytes, all at time `at`; returns what was written. */
const feed = (formatter: LineFormatter, input: Uint8Array, size: number, at = T0): string => {
  const out: Uint8Array[] = [];
  for (let i = 0; i < input.length; i += size) {
    out.push(...formatter.push(input.subarray(i, i + size), at));
  }
  return text(out);
};

const timestamped = (): LineFormatter =>
  new LineFormatter(headedLines({ prefix: '', stamped: true, endPartials: false }));

describe('timestamped lines', () => {
  const input = bytes('first line\nsecond, a longer line\n\nfourth\n');
  const expected = ['first line', 'second, a longer line', '', 'fourth']
    .map((l) => `${stamp(T0)} ${l}\n`)
    .join('');

  it.each([1, 2, 3, 5, 7, 11, 64])('gives each line one stamp when reads are %i bytes', (size) => {
    expect(feed(timestamped(), input, size)).toBe(expected);
  });

  it('stamps a line with the time its end was read', () => {
    const f = timestamped();
    expect(f.push(bytes('hel'), T0)).toEqual([]);
    expect(text(f.push(bytes('lo\nwor'), T0 + 5))).toBe(`${stamp(T0 + 5)} hello\n`);
    expect(text(f.push(bytes('ld\n'), T0 + 9))).toBe(`${stamp(T0 + 9)} world\n`);
  });

  it('keeps CRLF and bare CR inside the line', () => {
    expect(feed(timestamped(), bytes('a\r\nprogress 10%\rprogress 20%\r\n'), 4)).toBe(
      `${stamp(T0)} a\r\n${stamp(T0)} progress 10%\rprogress 20%\r\n`,
    );
  });

  it('keeps a UTF-8 character cut between two reads whole', () => {
    const input = bytes('héllo wörld ✓ 𝄞\n');
    for (let size = 1; size <= 4; size++) {
      expect(feed(timestamped(), input, size)).toBe(`${stamp(T0)} héllo wörld ✓ 𝄞\n`);
    }
  });

  it('flushes a partial line with its stamp; the rest of the line gets none', () => {
    const f = timestamped();
    expect(f.push(bytes('Password: '), T0)).toEqual([]);
    expect(f.holding).toBe(true);
    expect(f.heldSinceMs).toBe(T0);
    expect(text(f.flushPartial(T0 + 200))).toBe(`${stamp(T0 + 200)} Password: `);
    expect(f.holding).toBe(false);
    expect(text(f.push(bytes('ok\nnext\n'), T0 + 900))).toBe(`ok\n${stamp(T0 + 900)} next\n`);
  });

  it('finishes the last line at EOF, with a newline', () => {
    const f = timestamped();
    f.push(bytes('done\nbye'), T0);
    expect(text(f.end(T0 + 1))).toBe(`${stamp(T0 + 1)} bye\n`);
    expect(f.end(T0 + 2)).toEqual([]);
    // after a flushed partial, EOF only ends the line
    f.push(bytes('half'), T0);
    f.flushPartial(T0 + 200);
    expect(text(f.end(T0 + 300))).toBe('\n');
    f.push(bytes('x'), T0);
    f.flushPartial(T0 + 200);
    f.push(bytes('y'), T0 + 250);
    expect(text(f.end(T0 + 300))).toBe('y\n');
  });

  it('does not flush half a UTF-8 character; EOF flushes everything', () => {
    const f = timestamped();
    const check = bytes('✓');
    f.push(Buffer.concat([bytes('ok '), check.subarray(0, 2)]), T0);
    expect(text(f.flushPartial(T0 + 200))).toBe(`${stamp(T0 + 200)} ok `);
    expect(f.holding).toBe(true);
    expect(text(f.push(check.subarray(2), T0 + 300))).toBe('');
    expect(text(f.push(bytes('\n'), T0 + 300))).toBe('✓\n');
  });

  it('writes a line longer than the limit in pieces without new stamps', () => {
    const f = new LineFormatter(headedLines({ prefix: '', stamped: true, endPartials: false }), 8);
    const out = feed(f, bytes('0123456789abcdefghij\nx\n'), 5);
    expect(out).toBe(`${stamp(T0)} 0123456789abcdefghij\n${stamp(T0)} x\n`);
  });
});

describe('forwarded lines', () => {
  const forward = (stamped: boolean): LineFormatter =>
    new LineFormatter(headedLines({ prefix: '[web] ', stamped, endPartials: true }));

  it('prefixes every line, whatever the reads', () => {
    expect(feed(forward(false), bytes('a\nbb\nccc\n'), 2)).toBe('[web] a\n[web] bb\n[web] ccc\n');
  });

  it('ends a flushed partial line; its rest comes with the prefix again', () => {
    const f = forward(true);
    f.push(bytes('loading'), T0);
    expect(text(f.flushPartial(T0 + 200))).toBe(`[web] ${stamp(T0 + 200)} loading\n`);
    expect(text(f.push(bytes('... done\n'), T0 + 400))).toBe('[web] ... done\n');
    f.push(bytes('half'), T0);
    f.flushPartial(T0 + 200);
    expect(f.end(T0 + 300)).toEqual([]);
  });

  it('writes a non-ASCII prefix as UTF-8', () => {
    const f = new LineFormatter(
      headedLines({ prefix: '[wéb] ', stamped: false, endPartials: true }),
    );
    expect(text(f.push(bytes('ü\n'), T0))).toBe('[wéb] ü\n');
  });
});

describe('JSON lines', () => {
  const fields = { program: 'web', process: 'web:web_0', stream: 'stdout' } as const;
  const json = (): LineFormatter => new LineFormatter(jsonLines(fields));
  const parse = (out: string): unknown[] =>
    out
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as unknown);

  it('writes one object per line with time, program, process, stream and line', () => {
    const out = feed(json(), bytes('hello\n"quoted" \\ {json}\n'), 3);
    expect(out.endsWith('\n')).toBe(true);
    expect(parse(out)).toEqual([
      { time: stamp(T0), ...fields, line: 'hello' },
      { time: stamp(T0), ...fields, line: '"quoted" \\ {json}' },
    ]);
    expect(out.split('\n')[0]).toBe(
      `{"time":"${stamp(T0)}","program":"web","process":"web:web_0","stream":"stdout","line":"hello"}`,
    );
  });

  it('renders a long read in blocks, each line whole: a 100 KiB line stays one object', () => {
    const lines = [
      'a'.repeat(100 * 1024),
      ...Array.from({ length: 20_000 }, (_, i) => `line ${i}`),
    ];
    const read = bytes(`${lines.join('\n')}\n`);
    expect(read.length).toBeGreaterThan(2 * RENDER_BLOCK_BYTES);
    const out = json().push(read, T0);
    expect(out.length).toBeGreaterThan(2);
    expect(parse(text(out))).toEqual(lines.map((line) => ({ time: stamp(T0), ...fields, line })));
  });

  it('stays valid JSON for control characters, CRLF and cut UTF-8', () => {
    const out = feed(json(), bytes('tab\there\u0001\u001b[31m red\r\nñ€𝄞\n'), 1);
    expect(parse(out).map((o) => (o as { line: string }).line)).toEqual([
      'tab\there\u0001\u001b[31m red\r',
      'ñ€𝄞',
    ]);
  });

  it('writes invalid UTF-8 with replacement characters and the exact bytes in base64', () => {
    const raw = Buffer.from([0x61, 0xff, 0xfe, 0x62, 0x0a, 0x63, 0x0a]);
    const objects = parse(feed(json(), raw, 64)) as Record<string, unknown>[];
    expect(objects[0]).toMatchObject({ line: 'a\ufffd\ufffdb', line_base64: 'Yf/+Yg==' });
    expect(objects[1]).toEqual({ time: stamp(T0), ...fields, line: 'c' });
  });

  it('writes a flushed partial line as its own object, marked partial', () => {
    const f = json();
    f.push(bytes('Password: '), T0);
    const first = parse(text(f.flushPartial(T0 + 200)));
    const rest = parse(text(f.push(bytes('ok\n'), T0 + 900)));
    expect(first).toEqual([
      { time: stamp(T0 + 200), ...fields, line: 'Password: ', partial: true },
    ]);
    expect(rest).toEqual([{ time: stamp(T0 + 900), ...fields, line: 'ok' }]);
    f.push(bytes('last'), T0);
    expect(parse(text(f.end(T0 + 1)))).toEqual([{ time: stamp(T0 + 1), ...fields, line: 'last' }]);
  });
});

describe('incompleteUtf8Tail', () => {
  const check = bytes('✓'); // 3 bytes
  const clef = bytes('𝄞'); // 4 bytes
  it.each([
    ['ascii', bytes('abc'), 0],
    ['a whole 3-byte char', check, 0],
    ['1 of 3', check.subarray(0, 1), 1],
    ['2 of 3', check.subarray(0, 2), 2],
    ['3 of 4', clef.subarray(0, 3), 3],
    ['a whole 4-byte char', clef, 0],
    ['a stray continuation byte', Uint8Array.of(0x61, 0x80), 0],
    ['empty', new Uint8Array(0), 0],
  ])('%s → %i', (_name, input, expected) => {
    expect(incompleteUtf8Tail(input)).toBe(expected);
  });
});
