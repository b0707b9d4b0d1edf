import { describe, expect, it } from 'vitest';

import { LINE_SLACK_BYTES } from './rotating-file-writer.js';
import { MemoryFileSystem } from '../../test/support/logging/memory-file-system.js';
import { b, gate, settle, setup } from '../../test/support/logging/writer-fixture.js';

describe('RotatingFileWriter', () => {
  it('appends to an existing file', async () => {
    const fs = new MemoryFileSystem();
    fs.mkdir('/l');
    fs.writeFile('/l/x.log', 'old\n');
    const { writer } = setup({}, fs);
    await writer.open();
    writer.write(b('new\n'));
    await writer.flush();
    expect(fs.text('/l/x.log')).toBe('old\nnew\n');
  });

  it('rotates x.log → x.log.1 → … → x.log.N after the write that reaches maxBytes', async () => {
    const { fs, writer } = setup({ maxBytes: 10, backups: 3 });
    await writer.open();
    for (const s of ['aaaaaaaaaa', 'bbbbbbbbbbbb', 'ccccc', 'ccccc', 'dddddddddd', 'eee']) {
      writer.write(b(s));
      await writer.flush(); // one write per chunk, like supervisord's one write per read
    }
    expect(fs.names()).toEqual(['/l/x.log', '/l/x.log.1', '/l/x.log.2', '/l/x.log.3']);
    expect(fs.text('/l/x.log.3')).toBe('bbbbbbbbbbbb');
    expect(fs.text('/l/x.log.2')).toBe('cccccccccc');
    expect(fs.text('/l/x.log.1')).toBe('dddddddddd');
    expect(fs.text('/l/x.log')).toBe('eee');
    expect(writer.stats.rotations).toBe(4);
  });

  it('line-aligned: past maxBytes, waits for a write that ends a line (or for the slack)', async () => {
    const { fs, writer } = setup({ maxBytes: 10, backups: 3, lineAligned: true });
    await writer.open();
    for (const s of ['0123456789ab', 'cd', 'ef\n', 'next\n']) {
      writer.write(b(s));
      await writer.flush();
    }
    expect(fs.text('/l/x.log.1')).toBe('0123456789abcdef\n');
    expect(fs.text('/l/x.log')).toBe('next\n');
    writer.write(b('x'.repeat(10 + LINE_SLACK_BYTES)));
    await writer.flush();
    expect(fs.text('/l/x.log')).toBe('');
    expect(writer.stats.rotations).toBe(2);
  });

  it('never holds back bytes at rotation: all chunks written in order across files', async () => {
    const { fs, writer } = setup({ maxBytes: 7, backups: 50 });
    const release = gate(fs);
    await writer.open();
    let expected = '';
    for (let i = 0; i < 40; i++) {
      const s = `${i},`;
      expected += s;
      writer.write(b(s));
    }
    release();
    await writer.flush();
    const files = fs.names().reverse(); // x.log.N … x.log.1, x.log (sorted order reversed)
    const ordered = files
      .filter((n) => n !== '/l/x.log')
      .sort((a, c) => Number(c.split('.').pop()) - Number(a.split('.').pop()));
    const all = [...ordered, '/l/x.log'].map((n) => fs.text(n)).join('');
    expect(all).toBe(expected);
    // Each file stops at the chunk that crosses maxBytes: never more than one chunk past it.
    for (const n of ordered) {
      expect(fs.text(n).length).toBeGreaterThanOrEqual(7);
      expect(fs.text(n).length).toBeLessThan(7 + 3);
    }
  });

  it('with backups=0 truncates the file instead of renaming', async () => {
    const { fs, writer } = setup({ maxBytes: 5, backups: 0 });
    await writer.open();
    writer.write(b('123456'));
    await writer.flush();
    writer.write(b('ab'));
    await writer.flush();
    expect(fs.names()).toEqual(['/l/x.log']);
    expect(fs.text('/l/x.log')).toBe('ab');
    expect(fs.log).toContain('open truncate /l/x.log');
  });

  it('with maxBytes=0 never rotates', async () => {
    const { fs, writer } = setup({ maxBytes: 0, backups: 5 });
    await writer.open();
    for (let i = 0; i < 100; i++) {
      writer.write(b('0123456789'));
    }
    await writer.flush();
    expect(fs.names()).toEqual(['/l/x.log']);
    expect(fs.text('/l/x.log').length).toBe(1000);
  });

  it('writes devices in write mode and never rotates them, whatever maxBytes', async () => {
    const fs = new MemoryFileSystem();
    fs.addDevice('/dev/stdout');
    const { writer } = setup({ path: '/dev/stdout', maxBytes: 2, backups: 2 }, fs);
    await writer.open();
    writer.write(b('hello'));
    writer.write(b('world'));
    await writer.flush();
    expect(fs.log).toEqual(['open write /dev/stdout']);
    expect(fs.text('/dev/stdout')).toBe('helloworld');
  });

  it('coalesces chunks queued during a write into one writev', async () => {
    const { fs, writer } = setup();
    const release = gate(fs);
    await writer.open();
    writer.write(b('x'));
    await settle(); // the first chunk is being written (held by the gate)
    for (let i = 1; i < 50; i++) {
      writer.write(b('x'));
    }
    release();
    await writer.flush();
    expect(fs.writeCalls).toBe(2);
    expect(fs.text('/l/x.log')).toBe('x'.repeat(50));
  });

  it('pushes back past the high-water mark and says when it drained', async () => {
    const { fs, writer } = setup({ highWaterMark: 100 });
    const release = gate(fs);
    await writer.open();
    expect(writer.write(new Uint8Array(60))).toBe(true);
    await settle(); // taken into the first (held) write
    expect(writer.write(new Uint8Array(60))).toBe(true);
    expect(writer.write(new Uint8Array(60))).toBe(false);
    let drained = false;
    writer.onceDrained(() => (drained = true));
    expect(drained).toBe(false);
    release();
    await writer.flush();
    expect(drained).toBe(true);
    expect(writer.stats.peakBufferedBytes).toBe(180);
  });

  it('reopen after an external rename: older bytes stay in the moved file, newer go to a new one', async () => {
    const { fs, writer } = setup({ maxBytes: 1000, backups: 1 });
    await writer.open();
    writer.write(b('before;'));
    await writer.flush();
    await fs.rename('/l/x.log', '/l/x.log-20240101');
    writer.write(b('between;')); // still goes to the open (moved) file
    await writer.reopen();
    writer.write(b('after;'));
    await writer.flush();
    expect(fs.text('/l/x.log-20240101') + fs.text('/l/x.log')).toBe('before;between;after;');
    expect(fs.text('/l/x.log')).toBe('after;');
  });

  it('clear deletes and recreates the current file only', async () => {
    const { fs, writer } = setup({ maxBytes: 4, backups: 2 });
    await writer.open();
    writer.write(b('aaaa'));
    await writer.flush();
    writer.write(b('bb'));
    await writer.flush();
    expect(await writer.clear()).toEqual({ ok: true, value: undefined });
    writer.write(b('c'));
    await writer.flush();
    expect(fs.text('/l/x.log.1')).toBe('aaaa');
    expect(fs.text('/l/x.log')).toBe('c');
  });

  it('clear reports an unlink failure but keeps logging', async () => {
    const { fs, writer } = setup();
    await writer.open();
    fs.failure = (op) => (op === 'unlink' ? 'EACCES' : null);
    const cleared = await writer.clear();
    expect(cleared.ok).toBe(false);
    writer.write(b('still'));
    await writer.flush();
    expect(fs.text('/l/x.log')).toBe('still');
  });

  it('a write error is reported once, output is dropped, and reopen recovers', async () => {
    const { fs, writer, reports } = setup();
    await writer.open();
    fs.failure = (op) => (op === 'write' ? 'ENOSPC' : null);
    writer.write(b('lost1'));
    await writer.flush();
    expect(writer.write(b('lost2'))).toBe(true); // dropping: no backpressure
    await writer.flush();
    expect(reports).toEqual([
      {
        kind: 'failed',
        path: '/l/x.log',
        operation: 'write',
        error: { code: 'ENOSPC', message: "ENOSPC: injected, '/l/x.log'" },
      },
    ]);
    fs.failure = () => null;
    await writer.reopen();
    writer.write(b('kept'));
    await writer.flush();
    expect(fs.text('/l/x.log')).toBe('kept');
    expect(reports[1]).toEqual({ kind: 'recovered', path: '/l/x.log', droppedBytes: 10 });
    expect(fs.openFiles).toBe(1);
  });

  it('retries a broken file when output arrives after the retry interval', async () => {
    const { fs, writer, reports, clock } = setup({ retryIntervalMs: 5000 });
    fs.failure = (op) => (op === 'open' ? 'EACCES' : null);
    const opened = await writer.open();
    expect(opened.ok).toBe(false);
    writer.write(b('early'));
    fs.failure = () => null;
    clock.ms = 4999;
    writer.write(b('too soon'));
    await writer.flush();
    expect(fs.exists('/l/x.log')).toBe(false);
    clock.ms = 5000;
    writer.write(b('dropped, triggers the retry'));
    await writer.flush();
    writer.write(b('written'));
    await writer.flush();
    expect(fs.text('/l/x.log')).toBe('written');
    expect(reports.map((r) => r.kind)).toEqual(['failed', 'recovered']);
  });

  it('a failed rotation is reported and writing goes on in the current file', async () => {
    const { fs, writer, reports } = setup({ maxBytes: 4, backups: 1 });
    await writer.open();
    fs.failure = (op, path) => (op === 'rename' && path === '/l/x.log' ? 'EACCES' : null);
    writer.write(b('12345'));
    await writer.flush();
    writer.write(b('6')); // not retried on every write: only after another maxBytes
    await writer.flush();
    expect(fs.text('/l/x.log')).toBe('123456');
    expect(reports.map((r) => (r.kind === 'failed' ? r.operation : r.kind))).toEqual(['rotate']);
  });

  it('close writes what is queued, closes the file and drops later writes', async () => {
    const { fs, writer } = setup();
    const release = gate(fs);
    await writer.open();
    writer.write(b('a'));
    writer.write(b('b'));
    const closing = writer.close();
    release();
    await closing;
    expect(fs.text('/l/x.log')).toBe('ab');
    expect(fs.openFiles).toBe(0);
    expect(writer.write(b('c'))).toBe(true);
    await writer.flush();
    expect(fs.text('/l/x.log')).toBe('ab');
  });

  it('queues output written before the first open', async () => {
    const { fs, writer } = setup();
    writer.write(b('early;'));
    await writer.open();
    await writer.flush();
    expect(fs.text('/l/x.log')).toBe('early;');
  });
});
