// How whole lines of child output are written under log_format= and forwarding: a head before
// each line (an ISO stamp, a `[name] ` prefix, or both), or one JSON object per line. Pure: the
// caller passes the wall-clock time and keeps the line state (line-formatter.ts).

import { Buffer, isUtf8 } from 'node:buffer';

import type { OutputChannel } from '../model/events.js';
import { formatIsoLocal } from './iso-timestamp.js';

export interface LineRenderer {
  /**
   * `block` holds whole lines, the last one ending in \n. `continues`: the first line's beginning
   * was already written as a partial line.
   */
  lines(block: Uint8Array, wallMs: number, continues: boolean): Uint8Array;
  /** A line that has not ended yet, written now (after a delay, or when too long). */
  partial(bytes: Uint8Array, wallMs: number, continues: boolean): Uint8Array;
  /** EOF right after a partial line: what ends it (null: nothing). */
  endContinued(): Uint8Array | null;
}

const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Bytes as a string of one char per byte: lossless, and the fastest way to splice text in. */
const latin1 = (bytes: Uint8Array): string => asBuffer(bytes).toString('latin1');

/** Keeps the last stamp: every line of one read gets the same one, formatted once. */
class StampCache {
  private ms = Number.NaN;
  private text = '';

  at(wallMs: number): string {
    if (wallMs !== this.ms) {
      this.ms = wallMs;
      this.text = formatIsoLocal(wallMs);
    }
    return this.text;
  }
}

export interface HeadOptions {
  /** written before every line, e.g. `[web] ` when forwarding; '' for none */
  readonly prefix: string;
  /** an ISO-8601 stamp and a space after the prefix */
  readonly stamped: boolean;
  /**
   * A flushed partial line ends with a newline (forwarding: other programs' lines follow it);
   * otherwise the rest of the line is written after it later, with no second head.
   */
  readonly endPartials: boolean;
}

/** `<prefix><stamp> <line>` for each line: log_format=timestamped and forwarded output. */
export const headedLines = (options: HeadOptions): LineRenderer => {
  // The prefix's UTF-8 bytes, one char each, so that it joins the latin1 view of the lines.
  const prefix = Buffer.from(options.prefix, 'utf8').toString('latin1');
  const stamps = new StampCache();
  const head = (wallMs: number): string =>
    options.stamped ? `${prefix}${stamps.at(wallMs)} ` : prefix;
  const ending = options.endPartials ? '\n' : '';
  return {
    lines: (block, wallMs, continues) => {
      const text = latin1(block);
      const each = head(wallMs);
      const first = continues ? prefix : each;
      // One native pass over the block: every \n but the last is followed by a head.
      const body = text.slice(0, -1).replaceAll('\n', `\n${each}`);
      return Buffer.from(`${first}${body}\n`, 'latin1');
    },
    partial: (bytes, wallMs, continues) =>
      Buffer.from(`${continues ? prefix : head(wallMs)}${latin1(bytes)}${ending}`, 'latin1'),
    endContinued: () => (options.endPartials ? null : Uint8Array.of(0x0a)),
  };
};

export interface JsonFields {
  /** the [program:x] (or [eventlistener:x]) name */
  readonly program: string;
  /** the process as supervisorctl names it: `name`, or `group:name` */
  readonly process: string;
  readonly stream: OutputChannel;
}

/**
 * `{"time":…,"program":…,"process":…,"stream":…,"line":…}` per line, without the newline. A line
 * that is not valid UTF-8 has U+FFFD in `line` and its exact bytes in `line_base64`; a flushed
 * partial line says `"partial":true` and the rest of the line comes as the next object.
 */
export const jsonLines = (fields: JsonFields): LineRenderer => {
  const stamps = new StampCache();
  const names =
    `"program":${JSON.stringify(fields.program)},"process":${JSON.stringify(fields.process)},` +
    `"stream":${JSON.stringify(fields.stream)},"line":`;
  const head = (wallMs: number): string => `{"time":"${stamps.at(wallMs)}",${names}`;
  const object = (start: string, line: Buffer, partial: boolean): string => {
    const extra = partial ? ',"partial":true' : '';
    if (isUtf8(line)) {
      return `${start}${JSON.stringify(line.toString('utf8'))}${extra}}\n`;
    }
    const exact = line.toString('base64');
    return `${start}${JSON.stringify(line.toString('utf8'))}${extra},"line_base64":"${exact}"}\n`;
  };
  return {
    lines: (block, wallMs) => {
      const bytes = asBuffer(block);
      const start = head(wallMs);
      let out = '';
      if (isUtf8(bytes)) {
        for (const line of bytes.toString('utf8', 0, bytes.length - 1).split('\n')) {
          out += `${start}${JSON.stringify(line)}}\n`;
        }
      } else {
        let from = 0;
        while (from < bytes.length) {
          const end = bytes.indexOf(0x0a, from);
          out += object(start, bytes.subarray(from, end), false);
          from = end + 1;
        }
      }
      return Buffer.from(out, 'utf8');
    },
    partial: (bytes, wallMs) => Buffer.from(object(head(wallMs), asBuffer(bytes), true), 'utf8'),
    endContinued: () => null,
  };
};
