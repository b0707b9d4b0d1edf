// A ByteSink that sends whole lines to syslog, one datagram each, in the form glibc's syslog(3)
// gives them, which is what supervisord sends: `<14>Dec  5 12:14:35 supervisord: ` (facility
// user, severity info, local time to the second) and the line. Never pushes back: a slow syslog
// reader costs queued or dropped lines (syslog-sender.ts), never a paused program.

import { Buffer } from 'node:buffer';

import type { Clock } from '../ports/clock.js';
import type { ByteSink } from './sinks.js';

/** LOG_USER | LOG_INFO, what Python's syslog.syslog(msg) sends without openlog(). */
const USER_INFO = 14;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `<14>Mmm dd hh:mm:ss ident: `, the day padded with a space (RFC 3164, local time). */
export const syslogHeader = (wallMs: number, ident: string): string => {
  const d = new Date(wallMs);
  const day = d.getDate() < 10 ? ` ${d.getDate()}` : String(d.getDate());
  const time = `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
  return `<${USER_INFO}>${MONTHS[d.getMonth()]} ${day} ${time} ${ident}: `;
};

export interface SyslogLinesOptions {
  /** the program name syslog shows (`supervisord`, or the name the daemon was started as) */
  readonly ident: string;
  /** keep each line's \n in its datagram (supervisord's main log does, child output does not) */
  readonly keepNewline: boolean;
}

export class SyslogLines implements ByteSink {
  private headerSecond = Number.NaN;
  private header = Buffer.alloc(0);

  constructor(
    private readonly sender: { send(datagram: Uint8Array): void },
    private readonly clock: Pick<Clock, 'wallMs'>,
    private readonly options: SyslogLinesOptions,
  ) {}

  /** `block`: whole lines, each ending in \n. */
  write(block: Uint8Array): boolean {
    const header = this.headerNow();
    const keep = this.options.keepNewline ? 1 : 0;
    let from = 0;
    while (from < block.length) {
      let end = block.indexOf(0x0a, from);
      if (end === -1) {
        end = block.length;
      }
      this.sender.send(Buffer.concat([header, block.subarray(from, end + keep)]));
      from = end + 1;
    }
    return true;
  }

  onceDrained(callback: () => void): void {
    callback();
  }

  private headerNow(): Buffer {
    const now = this.clock.wallMs();
    const second = Math.floor(now / 1000);
    if (second !== this.headerSecond) {
      this.headerSecond = second;
      this.header = Buffer.from(syslogHeader(now, this.options.ident), 'utf8');
    }
    return this.header;
  }
}
