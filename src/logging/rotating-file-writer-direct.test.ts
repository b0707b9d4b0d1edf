import { describe, expect, it } from 'vitest';

import {
  MAX_OVERSHOOT_BYTES,
  type RotatingFileWriter,
  SLOW_DIRECT_WRITE_MS,
} from './rotating-file-writer.js';
import { MemoryFileSystem } from '../../test/support/logging/memory-file-system.js';
import { b, setup } from '../../test/support/logging/writer-fixture.js';

/** Open, and let the writer's loop finish (it is still running when open() resolves). */
const opened = async (writer: RotatingFileWriter): Promise<void> => {
  await writer.open();
  await writer.flush();
};

/** A memory file system whose regular files offer writeNow, as local files do. */
const local = (direct: MemoryFileSystem['direct'] = {}): MemoryFileSystem => {
  const fs = new MemoryFileSystem();
  fs.direct = direct;
  return fs;
};

describe('RotatingFileWriter on a file that can be written directly', () => {
  it('writes each chunk during the call once the file is open: no queue, no thread pool', async () => {
    const { fs, writer } = setup({}, local());
    await opened(writer);
    writer.write(b('one\n'));
    writer.write(b('two\n'));
    expect(fs.text('/l/x.log')).toBe('one\ntwo\n');
    expect(fs.directWrites).toBe(2);
    expect(fs.writeCalls).toBe(0);
    expect(writer.pendingBytes).toBe(0);
  });

  it('queues (copies of) what comes while an open is in flight, and keeps the order', async () => {
    const { fs, writer } = setup({}, local());
    const lent = Buffer.from('a');
    writer.write(lent);
    lent.fill('#');
    const opening = writer.open();
    writer.write(b('b'));
    await opening;
    await writer.flush();
    writer.write(b('c'));
    expect(fs.text('/l/x.log')).toBe('abc');
    expect(fs.directWrites).toBe(1);
  });

  it('rotates after the direct write that reaches maxBytes; what comes meanwhile follows', async () => {
    const { fs, writer } = setup({ maxBytes: 10, backups: 2 }, local());
    await opened(writer);
    writer.write(b('0123456789'));
    const lent = Buffer.from('next');
    writer.write(lent);
    lent.fill('#');
    await writer.flush();
    expect(fs.text('/l/x.log.1')).toBe('0123456789');
    expect(fs.text('/l/x.log')).toBe('next');
    expect(writer.stats.rotations).toBe(1);
  });

  it('cuts a read that would carry a raw log far past maxBytes; a short one goes whole', async () => {
    const { fs, writer } = setup({ maxBytes: 10, backups: 2 }, local());
    await opened(writer);
    writer.write(b('0123456'));
    writer.write(b('789'));
    await writer.flush();
    expect(fs.text('/l/x.log.1')).toBe('0123456789');
    writer.write(b('abcdef'));
    const read = Buffer.alloc(10 + MAX_OVERSHOOT_BYTES, 'x');
    writer.write(read);
    await writer.flush();
    // The rest went on through the queue, whole, and filled (and rotated) the next file.
    expect(fs.text('/l/x.log.2')).toBe(`abcdef${'x'.repeat(4)}`);
    expect(fs.text('/l/x.log.1')).toBe('x'.repeat(6 + MAX_OVERSHOOT_BYTES));
  });

  it('a line-aligned log rotates only after a direct write that ends a line', async () => {
    const { fs, writer } = setup({ maxBytes: 4, backups: 1, lineAligned: true }, local());
    await opened(writer);
    writer.write(b('abcdef'));
    await writer.flush();
    writer.write(b('g\n'));
    await writer.flush();
    writer.write(b('h\n'));
    await writer.flush();
    expect(fs.text('/l/x.log.1')).toBe('abcdefg\n');
    expect(fs.text('/l/x.log')).toBe('h\n');
  });

  it('queues the rest of a short write', async () => {
    const { fs, writer } = setup({}, local({ limit: 3 }));
    await opened(writer);
    writer.write(b('abcdef'));
    await writer.flush();
    expect(fs.text('/l/x.log')).toBe('abcdef');
  });

  it('leaves a failed direct write to the queued write, which reports it', async () => {
    const fs = local();
    const { writer, reports } = setup({}, fs);
    await opened(writer);
    fs.failure = (operation) => (operation === 'write' ? 'ENOSPC' : null);
    writer.write(b('lost'));
    await writer.flush();
    expect(reports).toMatchObject([{ kind: 'failed', operation: 'write' }]);
    expect(writer.stats.droppedBytes).toBe(4);
  });

  it('after a slow write, writes from the thread pool until the file is reopened', async () => {
    const slow = { on: true };
    const fs = local({
      before: () => {
        if (slow.on) {
          clock.ms += SLOW_DIRECT_WRITE_MS;
        }
      },
    });
    const { writer, reports, clock } = setup({}, fs);
    await opened(writer);
    writer.write(b('a'));
    writer.write(b('b'));
    await writer.flush();
    expect(fs.text('/l/x.log')).toBe('ab');
    expect(fs.directWrites).toBe(1);
    expect(fs.writeCalls).toBe(1);
    expect(reports).toMatchObject([{ kind: 'slow', path: '/l/x.log' }]);
    slow.on = false;
    await writer.reopen();
    await writer.flush();
    writer.write(b('c'));
    expect(fs.text('/l/x.log')).toBe('abc');
    expect(fs.directWrites).toBe(2);
  });

  it('never writes a device directly (a reader can hold a pipe up)', async () => {
    const fs = local();
    fs.mkdir('/dev');
    fs.addDevice('/dev/out');
    const { writer } = setup({ path: '/dev/out' }, fs);
    await opened(writer);
    writer.write(b('x'));
    await writer.flush();
    expect(fs.directWrites).toBe(0);
    expect(fs.writeCalls).toBe(1);
  });
});
