// log_format and forwarding through ProcessLogs, with a hand-driven clock: what lands in the log
// files and on the daemon's stdout/stderr, and what stays raw (tail, PROCESS_LOG events).

import { describe, expect, it } from 'vitest';

import { ManualClock } from '../../test/fakes/manual-clock.js';
import {
  buildProcessLogs,
  channel,
  endChild,
  fakeChild,
  until,
} from '../../test/support/logging/process-logs-fixture.js';
import type { ProcessLogEvent } from '../model/events.js';
import { formatIsoLocal } from './iso-timestamp.js';
import type { ByteSink } from './sinks.js';

const START = new Date(2024, 4, 1, 13, 4, 5, 0).getTime();
const stampAt = (clock: ManualClock): string => formatIsoLocal(clock.wallMs());

const memorySink = (): ByteSink & { text(): string } => {
  const chunks: Uint8Array[] = [];
  return {
    write: (chunk) => chunks.push(chunk) > 0,
    onceDrained: (callback) => callback(),
    text: () => Buffer.concat(chunks).toString('utf8'),
  };
};

/** Let the pipes deliver what was written and the memory file system complete its writes. */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
};

describe('log_format=timestamped', () => {
  it('stamps each line once, however the reads cut it', async () => {
    const clock = new ManualClock(START);
    const { fs, logs } = await buildProcessLogs({ logFormat: 'timestamped' }, { clock });
    const child = fakeChild(7);
    logs.attach(child);
    for (const piece of ['hel', 'lo\nwor', 'ld\n', '\n', 'x', 'y\n']) {
      child.stdout.write(piece);
      await settle();
    }
    await endChild(child, '');
    await logs.drained();
    const stamp = stampAt(clock);
    expect(fs.text(logs.stdoutPath ?? '')).toBe(
      `${stamp} hello\n${stamp} world\n${stamp} \n${stamp} xy\n`,
    );
  });

  it('writes an unfinished line after 200 ms, and its rest without a second stamp', async () => {
    const clock = new ManualClock(START);
    const { fs, logs } = await buildProcessLogs({ logFormat: 'timestamped' }, { clock });
    const path = logs.stdoutPath ?? '';
    const child = fakeChild(7);
    logs.attach(child);
    child.stdout.write('Password: ');
    await settle();
    clock.advance(199);
    await settle();
    expect(fs.text(path)).toBe('');
    clock.advance(1);
    const flushedAt = stampAt(clock);
    await until(() => fs.text(path) !== '');
    expect(fs.text(path)).toBe(`${flushedAt} Password: `);
    clock.advance(1000);
    child.stdout.write('ok\nnext');
    await settle();
    expect(fs.text(path)).toBe(`${flushedAt} Password: ok\n`);
    await endChild(child, ' line');
    await logs.drained();
    expect(fs.text(path)).toBe(`${flushedAt} Password: ok\n${stampAt(clock)} next line\n`);
  });

  it('keeps tail and PROCESS_LOG events raw', async () => {
    const clock = new ManualClock(START);
    const { logs, bus } = await buildProcessLogs(
      { logFormat: 'timestamped', stdout: channel({ eventsEnabled: true }) },
      { clock },
    );
    const events: ProcessLogEvent[] = [];
    bus.subscribe('PROCESS_LOG', (e) => events.push(e));
    const child = fakeChild(7);
    logs.attach(child);
    await endChild(child, 'a\nb');
    await logs.drained();
    expect(Buffer.concat(events.map((e) => e.data)).toString()).toBe('a\nb');
  });

  it('rotates between lines: every file starts with a stamp and no byte is lost', async () => {
    const clock = new ManualClock(START);
    const { fs, logs } = await buildProcessLogs(
      {
        logFormat: 'timestamped',
        stdout: channel({
          logfile: { kind: 'path', path: '/logs/w.log' },
          maxBytes: 200,
          backups: 20,
        }),
      },
      { clock },
    );
    const child = fakeChild(7, false);
    logs.attach(child);
    const lines = Array.from({ length: 40 }, (_, i) => `line ${i} ${'x'.repeat(i % 7)}\n`);
    const input = lines.join('');
    for (let i = 0; i < input.length; i += 13) {
      child.stdout.write(input.slice(i, i + 13));
      await settle();
    }
    await endChild(child, '');
    await logs.drained();
    const files = fs
      .names()
      .filter((n) => n.startsWith('/logs/w.log'))
      .sort((a, b) => Number(b.split('.').pop()) - Number(a.split('.').pop()));
    expect(files.length).toBeGreaterThan(3);
    const stamp = stampAt(clock);
    // (the current file is empty when the last write filled its predecessor)
    for (const file of files.filter((f) => fs.text(f) !== '')) {
      expect(fs.text(file).startsWith(`${stamp} line `)).toBe(true);
    }
    const all = files.map((f) => fs.text(f)).join('');
    expect(all.split(`${stamp} `).join('')).toBe(input);
    expect(
      all
        .split('\n')
        .filter((l) => l !== '')
        .every((l) => l.startsWith(stamp)),
    ).toBe(true);
  });
});

describe('log_format=json', () => {
  it('writes one object per line naming program, process and stream', async () => {
    const clock = new ManualClock(START);
    const { fs, logs } = await buildProcessLogs(
      { logFormat: 'json', programName: 'webapp' },
      { clock },
    );
    const child = fakeChild(7);
    logs.attach(child);
    child.stdout.write('{"a":');
    await settle();
    await endChild(child, '1}\nlast', 'oops\n');
    await logs.drained();
    const read = (path: string | null): unknown[] =>
      fs
        .text(path ?? '')
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown);
    const time = stampAt(clock);
    const names = { program: 'webapp', process: 'grp:web' };
    expect(read(logs.stdoutPath)).toEqual([
      { time, ...names, stream: 'stdout', line: '{"a":1}' },
      { time, ...names, stream: 'stdout', line: 'last' },
    ]);
    expect(read(logs.stderrPath)).toEqual([{ time, ...names, stream: 'stderr', line: 'oops' }]);
  });
});

describe('forwarding to the daemon', () => {
  it('prefixes each line with the process name, on the matching stream, files untouched', async () => {
    const clock = new ManualClock(START);
    const stdout = memorySink();
    const stderr = memorySink();
    const { fs, logs } = await buildProcessLogs(
      { stdout: channel({ forward: true }), stderr: channel({ forward: true }) },
      { clock, forwardTo: { stdout, stderr } },
    );
    const child = fakeChild(7);
    logs.attach(child);
    child.stdout.write('one\ntw');
    child.stderr?.write('bad\n');
    await settle();
    expect(stdout.text()).toBe('[grp:web] one\n');
    await endChild(child, 'o\nthree');
    await logs.drained();
    expect(stdout.text()).toBe('[grp:web] one\n[grp:web] two\n[grp:web] three\n');
    expect(stderr.text()).toBe('[grp:web] bad\n');
    expect(fs.text(logs.stdoutPath ?? '')).toBe('one\ntwo\nthree');
  });

  it('ends an unfinished line after the delay; the rest gets the prefix again', async () => {
    const clock = new ManualClock(START);
    const stdout = memorySink();
    const { logs } = await buildProcessLogs(
      { processName: 'web', groupName: 'web', stdout: channel({ forward: true }) },
      { clock, forwardTo: { stdout, stderr: memorySink() } },
    );
    const child = fakeChild(7);
    logs.attach(child);
    child.stdout.write('loading');
    await settle();
    clock.advance(200);
    expect(stdout.text()).toBe('[web] loading\n');
    await endChild(child, '... done\n');
    await logs.drained();
    expect(stdout.text()).toBe('[web] loading\n[web] ... done\n');
  });

  it('a slow daemon stdout pauses the child pipe (bounded memory), and loses nothing', async () => {
    const clock = new ManualClock(START);
    const chunks: Uint8Array[] = [];
    let open = false;
    let waiting: (() => void)[] = [];
    const gated: ByteSink = {
      write: (chunk) => chunks.push(chunk) > 0 && open,
      onceDrained: (callback) => (open ? callback() : waiting.push(callback)),
    };
    const { logs } = await buildProcessLogs(
      { stdout: channel({ forward: true }) },
      { clock, forwardTo: { stdout: gated, stderr: memorySink() } },
    );
    const child = fakeChild(7);
    logs.attach(child);
    const line = `${'x'.repeat(99)}\n`;
    let accepted = 0;
    while (child.stdout.write(line)) {
      accepted++;
      await settle();
    }
    // The sink said stop after the first chunk: the rest waits in the pipe, not in the daemon.
    expect(chunks).toHaveLength(1);
    expect(child.stdout.readableLength).toBeGreaterThan(0);
    open = true;
    const release = waiting;
    waiting = [];
    release.forEach((callback) => callback());
    await endChild(child, 'last\n');
    await logs.drained();
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text).toBe(`[grp:web] ${line}`.repeat(accepted + 1) + '[grp:web] last\n');
  });

  it('forwards only the channels that ask, in the log format', async () => {
    const clock = new ManualClock(START);
    const stdout = memorySink();
    const stderr = memorySink();
    const { logs } = await buildProcessLogs(
      { logFormat: 'timestamped', stdout: channel({ forward: true }) },
      { clock, forwardTo: { stdout, stderr } },
    );
    const child = fakeChild(7);
    logs.attach(child);
    await endChild(child, 'up\n', 'not forwarded\n');
    await logs.drained();
    expect(stdout.text()).toBe(`[grp:web] ${stampAt(clock)} up\n`);
    expect(stderr.text()).toBe('');
  });
});
