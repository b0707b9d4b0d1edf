// syslog lines as supervisord sends them (glibc's form): the header, one datagram per line, and
// a program's *_syslog channel through ProcessLogs, framed into lines however the reads cut them.

import { describe, expect, it } from 'vitest';

import { ManualClock } from '../../test/fakes/manual-clock.js';
import {
  buildProcessLogs,
  channel,
  endChild,
  fakeChild,
} from '../../test/support/logging/process-logs-fixture.js';
import { SyslogLines, syslogHeader } from './syslog-lines.js';

const collect = () => {
  const datagrams: Buffer[] = [];
  return {
    datagrams,
    texts: () => datagrams.map((d) => d.toString('utf8')),
    send: (d: Uint8Array) => void datagrams.push(Buffer.from(d)),
  };
};

const settle = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
};

describe('syslogHeader', () => {
  it('is <14>, the local time to the second with a space-padded day, and the ident', () => {
    expect(syslogHeader(new Date(2026, 11, 5, 9, 4, 3, 999).getTime(), 'supervisord')).toBe(
      '<14>Dec  5 09:04:03 supervisord: ',
    );
    expect(syslogHeader(new Date(2026, 0, 15, 23, 59, 59).getTime(), 'tssupervisord')).toBe(
      '<14>Jan 15 23:59:59 tssupervisord: ',
    );
  });
});

describe('SyslogLines', () => {
  it('sends one datagram per line, with or without its newline', () => {
    const clock = new ManualClock(new Date(2026, 11, 5, 9, 4, 3).getTime());
    const plain = collect();
    const kept = collect();
    new SyslogLines(plain, clock, { ident: 'sd', keepNewline: false }).write(
      Buffer.from('web one\nweb \nweb three\n'),
    );
    new SyslogLines(kept, clock, { ident: 'sd', keepNewline: true }).write(Buffer.from('a\nb\n'));
    const head = '<14>Dec  5 09:04:03 sd: ';
    expect(plain.texts()).toEqual([`${head}web one`, `${head}web `, `${head}web three`]);
    expect(kept.texts()).toEqual([`${head}a\n`, `${head}b\n`]);
  });
});

describe('*_syslog through ProcessLogs', () => {
  it('sends `<process> <line>` per line however the reads cut it, the bytes as written', async () => {
    const clock = new ManualClock(new Date(2026, 11, 5, 9, 4, 3).getTime());
    const sent = collect();
    const syslog = new SyslogLines(sent, clock, { ident: 'sd', keepNewline: false });
    const { logs } = await buildProcessLogs(
      {
        processName: 'web',
        logFormat: 'timestamped',
        stdout: channel({ syslog: true }),
        stderr: channel({ syslog: false }),
      },
      { clock, syslog },
    );
    const child = fakeChild(7);
    logs.attach(child);
    for (const piece of ['li', 'ne one\nline ', 'two\n\n', 'prompt> ']) {
      child.stdout.write(piece);
      await settle();
    }
    child.stderr?.write('not sent\n');
    await settle();
    clock.advance(200);
    child.stdout.write(Buffer.from([0xff, 0x0a]));
    await endChild(child, '');
    await logs.drained();
    const head = '<14>Dec  5 09:04:03 sd: ';
    expect(sent.datagrams.map((d) => d.toString('latin1'))).toEqual([
      `${head}web line one`,
      `${head}web line two`,
      `${head}web `,
      `${head}web prompt> `,
      `${head}web \u00ff`,
    ]);
  });
});
