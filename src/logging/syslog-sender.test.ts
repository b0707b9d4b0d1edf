// SyslogSender with a fake socket and a hand-driven clock: lines go out in order, wait (bounded)
// while the reader is full, are dropped and counted without a socket, and the losses are told
// once when they start and once, with their number, when lines flow again.

import { describe, expect, it } from 'vitest';

import { FakeDatagramSocket } from '../../test/fakes/fake-datagram-socket.js';
import { ManualClock } from '../../test/fakes/manual-clock.js';
import { SYSLOG_QUEUE_BYTES, SYSLOG_RECONNECT_MS, SyslogSender } from './syslog-sender.js';

const setup = () => {
  const socket = new FakeDatagramSocket();
  const clock = new ManualClock();
  const reports: string[] = [];
  const sender = new SyslogSender('/dev/log', {
    connector: socket,
    clock,
    report: (m) => reports.push(m),
  });
  const send = (text: string): void => sender.send(Buffer.from(text));
  return { socket, clock, reports, sender, send };
};

describe('SyslogSender', () => {
  it('connects at the first line and sends each line as it comes', () => {
    const { socket, send, reports } = setup();
    expect(socket.connects).toBe(0);
    send('one');
    send('two');
    expect(socket.received).toEqual(['one', 'two']);
    expect(socket.connects).toBe(1);
    expect(reports).toEqual([]);
  });

  it('queues while the reader is full and sends in order once it reads', () => {
    const { socket, clock, send, reports } = setup();
    socket.capacity = 2;
    for (const line of ['a', 'b', 'c', 'd', 'e']) {
      send(line);
    }
    expect(socket.received).toEqual(['a', 'b']);
    socket.read();
    clock.advance(5);
    expect(socket.received).toEqual(['a', 'b', 'c', 'd']);
    socket.read();
    clock.advance(1_000);
    expect(socket.received).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(reports).toEqual([]);
  });

  it('drops beyond its queue, says so once, and counts them when lines flow again', () => {
    const { socket, clock, send, reports, sender } = setup();
    socket.capacity = 0;
    const line = 'x'.repeat(1024);
    const lines = SYSLOG_QUEUE_BYTES / 1024 + 10;
    for (let i = 0; i < lines; i++) {
      send(line);
    }
    expect(sender.droppedTotal).toBe(10);
    expect(reports).toEqual([
      'the syslog socket /dev/log does not keep up: syslog lines are dropped',
    ]);
    socket.capacity = Number.POSITIVE_INFINITY;
    clock.advance(1_000);
    expect(socket.received).toHaveLength(lines - 10);
    expect(reports[1]).toBe('syslog lines reach /dev/log again; 10 were dropped');
  });

  it('without a socket drops lines, tries again every few seconds, then tells the count', () => {
    const { socket, clock, send, reports } = setup();
    socket.listening = false;
    send('lost 1');
    send('lost 2');
    expect(socket.connects).toBe(1);
    expect(reports).toEqual([
      'cannot send syslog lines to /dev/log (ENOENT): they are dropped until it works (tried again every 5 s)',
    ]);
    socket.listening = true;
    clock.advance(SYSLOG_RECONNECT_MS - 1);
    send('lost 3');
    expect(socket.connects).toBe(1);
    clock.advance(1);
    send('kept');
    expect(socket.received).toEqual(['kept']);
    expect(reports[1]).toBe('syslog lines reach /dev/log again; 3 were dropped');
  });

  it('reconnects at once when the syslog daemon restarted, losing nothing', () => {
    const { socket, send, reports } = setup();
    send('before');
    socket.restart();
    send('after');
    expect(socket.received).toEqual(['before', 'after']);
    expect(socket.connects).toBe(2);
    expect(reports).toEqual([]);
  });

  it('sends nothing more once closed', () => {
    const { socket, clock, send, sender } = setup();
    socket.capacity = 0;
    send('queued');
    sender.close();
    socket.capacity = Number.POSITIVE_INFINITY;
    clock.advance(1_000);
    send('late');
    expect(socket.received).toEqual([]);
  });
});
