import { describe, expect, it } from 'vitest';

import type { ProcessLogEvent } from '../model/events.js';
import type { DebugOutputCopy } from './sinks.js';
import {
  buildProcessLogs,
  channel,
  endChild,
  fakeChild,
  until,
} from '../../test/support/logging/process-logs-fixture.js';

const build = buildProcessLogs;
const end = endChild;

describe('createProcessLogs', () => {
  it('creates AUTO files at once with supervisord names and mode 0600', async () => {
    const { fs, logs } = await build();
    expect(logs.stdoutPath).toBe('/logs/web-stdout---supervisor-ssssssss.log');
    expect(logs.stderrPath).toBe('/logs/web-stderr---supervisor-ssssssss.log');
    expect(fs.exists('/logs/web-stdout---supervisor-ssssssss.log')).toBe(true);
    expect(fs.permissionsOf(logs.stderrPath ?? '')).toBe(0o600);
  });

  it('has no path for NONE, nor for stderr when it is redirected', async () => {
    const none = await build({ stdout: channel({ logfile: { kind: 'none' } }) });
    expect(none.logs.stdoutPath).toBeNull();
    const redirected = await build({ redirectStderr: true });
    expect(redirected.logs.stderrPath).toBeNull();
  });

  it('opens a path log only when a child is attached', async () => {
    const { fs, logs } = await build({
      stdout: channel({ logfile: { kind: 'path', path: '/logs/web.log' } }),
    });
    expect(logs.stdoutPath).toBe('/logs/web.log');
    expect(fs.exists('/logs/web.log')).toBe(false);
    const child = fakeChild(7);
    logs.attach(child);
    await end(child, 'out\n');
    await logs.drained();
    expect(fs.text('/logs/web.log')).toBe('out\n');
  });
});

describe('ProcessLogs', () => {
  it('writes each channel to its file, raw', async () => {
    const { fs, logs } = await build();
    const child = fakeChild(7);
    logs.attach(child);
    child.stdout.write('one\n');
    child.stderr?.write('err\n');
    await end(child, 'two\n');
    await logs.drained();
    expect(fs.text(logs.stdoutPath ?? '')).toBe('one\ntwo\n');
    expect(fs.text(logs.stderrPath ?? '')).toBe('err\n');
  });

  it('sends stderr into the stdout log when redirected', async () => {
    const { fs, logs } = await build({ redirectStderr: true });
    const child = fakeChild(7);
    logs.attach(child);
    await end(child, 'a', 'b');
    await logs.drained();
    expect(
      fs
        .text(logs.stdoutPath ?? '')
        .split('')
        .sort()
        .join(''),
    ).toBe('ab');
  });

  it('strips ANSI escapes when configured, before files and events', async () => {
    const { fs, logs, bus } = await build({
      stripAnsi: true,
      stdout: channel({ eventsEnabled: true }),
    });
    const events: ProcessLogEvent[] = [];
    bus.subscribe('PROCESS_LOG', (e) => events.push(e));
    const child = fakeChild(7);
    logs.attach(child);
    await end(child, '\x1b[1mbold\x1b[0m\n');
    await logs.drained();
    expect(fs.text(logs.stdoutPath ?? '')).toBe('bold\n');
    expect(Buffer.from(events[0]?.data ?? []).toString()).toBe('bold\n');
  });

  it('publishes PROCESS_LOG events only for channels with events enabled', async () => {
    const { logs, bus } = await build({ stdout: channel({ eventsEnabled: true }) });
    const events: ProcessLogEvent[] = [];
    bus.subscribe('PROCESS_LOG', (e) => events.push(e));
    const child = fakeChild(42);
    logs.attach(child);
    await end(child, 'hello', 'quiet');
    await logs.drained();
    expect(events).toEqual([
      {
        type: 'PROCESS_LOG',
        channel: 'stdout',
        processName: 'web',
        groupName: 'grp',
        pid: 42,
        data: Buffer.from('hello'),
      },
    ]);
  });

  it('copies output to the main log at debug level, with its backpressure', async () => {
    const copies: string[] = [];
    const debugCopy: DebugOutputCopy = {
      copyChildOutput: (name, ch, data) => {
        copies.push(`${name} ${ch} ${Buffer.from(data).toString()}`);
        return true;
      },
      onceDrained: (cb) => cb(),
    };
    const { logs } = await build({}, { debugCopy });
    const child = fakeChild(7);
    logs.attach(child);
    await end(child, 'x', 'y');
    await logs.drained();
    expect(copies.sort()).toEqual(['web stderr y', 'web stdout x']);
  });

  it('keeps its own copy of what it holds: the read buffer is overwritten after every read', async () => {
    for (const logFormat of ['raw', 'timestamped'] as const) {
      const { fs, logs, bus } = await build({
        logFormat,
        stdout: channel({ eventsEnabled: true }),
      });
      const events: ProcessLogEvent[] = [];
      bus.subscribe('PROCESS_LOG', (e) => events.push(e));
      const child = fakeChild(7);
      logs.attach(child);
      // As the pipe reader lends them: views of one buffer that the next read overwrites, while
      // the file's first write is still queued and a line is still unfinished.
      const shared = Buffer.alloc(16);
      for (const part of ['ab', 'c\nd', 'e\n', 'f']) {
        child.stdout.emit('data', shared.subarray(0, shared.write(part)));
        shared.fill('#');
      }
      await end(child, '');
      await logs.drained();
      const text = fs.text(logs.stdoutPath ?? '');
      const unstamped = text.replace(/^\S+ /gm, '');
      expect(logFormat === 'raw' ? text : unstamped).toBe(
        logFormat === 'raw' ? 'abc\nde\nf' : 'abc\nde\nf\n',
      );
      expect(Buffer.concat(events.map((e) => e.data)).toString()).toBe('abc\nde\nf');
    }
  });

  it('reads a predecessor to EOF while its successor already writes', async () => {
    const { fs, logs } = await build();
    const first = fakeChild(1);
    logs.attach(first);
    first.stdout.write('first-a;');
    const second = fakeChild(2);
    logs.attach(second);
    second.stdout.write('second;');
    await end(first, 'first-b;');
    await end(second, '');
    await logs.drained();
    const text = fs.text(logs.stdoutPath ?? '');
    expect(text).toContain('first-a;');
    expect(text).toContain('first-b;');
    expect(text).toContain('second;');
    expect(text.length).toBe('first-a;first-b;second;'.length);
  });

  it('pauses the pipe while the file is behind, and resumes it when drained', async () => {
    const { fs, logs } = await build({ highWaterMark: 10 });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    fs.writeGate = () => held;
    const child = fakeChild(7);
    logs.attach(child);
    for (let i = 0; i < 20; i++) {
      child.stdout.write('0123456789');
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(child.stdout.isPaused()).toBe(true);
    release();
    await end(child, '');
    await logs.drained();
    expect(fs.text(logs.stdoutPath ?? '')).toBe('0123456789'.repeat(20));
  });

  it('reopens and clears only once a child ran; clear keeps logging', async () => {
    const { fs, logs } = await build();
    expect(await logs.clear()).toEqual({ ok: true });
    const child = fakeChild(7);
    logs.attach(child);
    child.stdout.write('before;');
    await until(() => fs.text(logs.stdoutPath ?? '') === 'before;');
    expect(await logs.clear()).toEqual({ ok: true });
    await end(child, 'after;');
    await logs.drained();
    expect(fs.text(logs.stdoutPath ?? '')).toBe('after;');
  });

  it('reports an unwritable log to the main log and keeps reading the pipe', async () => {
    const { fs, logs, lines } = await build({
      stdout: channel({ logfile: { kind: 'path', path: '/nowhere/web.log' } }),
    });
    const child = fakeChild(7);
    logs.attach(child);
    await end(child, 'x'.repeat(1000));
    await logs.close();
    expect(lines[0]).toMatch(/^error could not open log file '\/nowhere\/web.log'/);
    expect(fs.exists('/nowhere/web.log')).toBe(false);
  });
});
