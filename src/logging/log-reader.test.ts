import { describe, expect, it } from 'vitest';

import { readLog, tailLog } from './log-reader.js';
import { MemoryFileSystem } from '../../test/support/logging/memory-file-system.js';

const fs = new MemoryFileSystem();
fs.mkdir('/l');
fs.writeFile('/l/x.log', 'hello world\n');

const text = (r: { ok: boolean; data?: Uint8Array }): string =>
  Buffer.from(r.data ?? new Uint8Array()).toString();

describe('readLog', () => {
  it('reads by offset and length', async () => {
    expect(text(await readLog(fs, '/l/x.log', -6, 0))).toBe('world\n');
    expect(text(await readLog(fs, '/l/x.log', 0, 5))).toBe('hello');
    expect(text(await readLog(fs, '/l/x.log', 6, 0))).toBe('world\n');
    expect(await readLog(fs, '/l/x.log', 99, 0)).toEqual({ ok: true, data: new Uint8Array(0) });
  });

  it('faults: no file configured, missing file, bad arguments, I/O failure', async () => {
    expect(await readLog(fs, null, 0, 0)).toEqual({ ok: false, fault: 'NO_FILE' });
    expect(await readLog(fs, '/l/missing.log', 0, 0)).toEqual({ ok: false, fault: 'NO_FILE' });
    expect(await readLog(fs, '/l/x.log', -1, 5)).toEqual({ ok: false, fault: 'BAD_ARGUMENTS' });
    expect(await readLog(fs, '/l/x.log', 0, -1)).toEqual({ ok: false, fault: 'BAD_ARGUMENTS' });
    const broken = new MemoryFileSystem();
    broken.failure = (op) => (op === 'read' ? 'EACCES' : null);
    expect(await readLog(broken, '/l/x.log', 0, 0)).toEqual({ ok: false, fault: 'FAILED' });
  });
});

describe('tailLog', () => {
  it('returns the data, the file size as next offset, and the overflow flag', async () => {
    expect(await tailLog(fs, '/l/x.log', 0, 5)).toEqual({
      ok: true,
      data: Buffer.from('orld\n'),
      offset: 12,
      overflow: true,
    });
    const r = await tailLog(fs, '/l/x.log', 12, 100);
    expect(r).toEqual({ ok: true, data: new Uint8Array(0), offset: 12, overflow: false });
  });

  it('reports a missing or unconfigured file as NO_FILE', async () => {
    expect(await tailLog(fs, null, 0, 5)).toEqual({ ok: false, fault: 'NO_FILE' });
    expect(await tailLog(fs, '/nope/x.log', 0, 5)).toEqual({ ok: false, fault: 'NO_FILE' });
  });
});
