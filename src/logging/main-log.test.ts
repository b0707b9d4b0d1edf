import { describe, expect, it } from 'vitest';

import { openMainLog } from './main-log.js';
import type { MainLogOptions } from './main-log.js';
import { MemoryFileSystem } from '../../test/support/logging/memory-file-system.js';

const at = new Date(2024, 0, 2, 10, 20, 30, 456).getTime();
const STAMP = '2024-01-02 10:20:30,456';

const open = async (options: Partial<MainLogOptions> = {}, fs = new MemoryFileSystem()) => {
  fs.mkdir('/l');
  const stdout: string[] = [];
  const failures: string[] = [];
  const log = await openMainLog(
    { logfile: '/l/supervisord.log', maxBytes: 0, backups: 0, level: 'info', ...options },
    {
      fs,
      clock: { wallMs: () => at, monotonicMs: () => 0 },
      stdoutCopy: (bytes) => stdout.push(Buffer.from(bytes).toString()),
      onOwnFailure: (m) => failures.push(m),
    },
  );
  return { log, fs, stdout, failures };
};

describe('MainLog', () => {
  it('writes formatted records at or above its level, and copies them to stdout', async () => {
    const { log, fs, stdout } = await open();
    log.log('info', "spawned: 'a' with pid 12");
    log.log('debug', 'not shown');
    log.log('critical', 'multi\nline');
    await log.flush();
    const expected = `${STAMP} INFO spawned: 'a' with pid 12\n${STAMP} CRIT multi\nline\n`;
    expect(fs.text('/l/supervisord.log')).toBe(expected);
    expect(stdout.join('')).toBe(expected);
    expect(log.isEnabled('debug')).toBe(false);
    expect(log.isEnabled('warn')).toBe(true);
  });

  it('copies child output at debug level, raw when UTF-8 and repr()ed when not', async () => {
    const { log, fs } = await open({ level: 'debug' });
    expect(log.copyChildOutput('a', 'stdout', Buffer.from('hi\n'))).toBe(true);
    log.copyChildOutput('a', 'stderr', Uint8Array.of(0xff, 0x0a));
    await log.flush();
    expect(fs.text('/l/supervisord.log')).toBe(
      `${STAMP} DEBG 'a' stdout output:\nhi\n\n` +
        `${STAMP} DEBG 'a' stderr output:\nUndecodable: b'\\xff\\n'\n`,
    );
  });

  it('rotates with logfile_maxbytes and logfile_backups', async () => {
    const { log, fs } = await open({ maxBytes: 60, backups: 2 });
    for (let i = 0; i < 6; i++) {
      log.log('info', `record ${i}`);
      await log.flush();
    }
    expect(fs.names()).toEqual([
      '/l/supervisord.log',
      '/l/supervisord.log.1',
      '/l/supervisord.log.2',
    ]);
    expect(fs.text('/l/supervisord.log')).toBe('');
    expect(fs.text('/l/supervisord.log.1')).toContain('record 4');
  });

  it('clearLog: NO_FILE without a file, otherwise delete and reopen', async () => {
    const { log, fs } = await open();
    log.log('info', 'old');
    await log.flush();
    expect(await log.clear()).toEqual({ ok: true });
    log.log('info', 'new');
    await log.flush();
    expect(fs.text('/l/supervisord.log')).toBe(`${STAMP} INFO new\n`);
    await fs.unlink('/l/supervisord.log');
    expect(await log.clear()).toEqual({ ok: false, fault: 'NO_FILE' });
    const none = await open({ logfile: null });
    expect(await none.log.clear()).toEqual({ ok: false, fault: 'NO_FILE' });
    expect(none.log.path).toBeNull();
  });

  it('says when its own file cannot be opened, and keeps the stdout copy going', async () => {
    const fs = new MemoryFileSystem();
    fs.failure = (op) => (op === 'open' ? 'EACCES' : null);
    const { log, failures, stdout } = await open({}, fs);
    log.log('warn', 'still visible');
    expect(failures).toEqual([
      "could not open log file '/l/supervisord.log': EACCES: injected, '/l/supervisord.log'; " +
        'its output is dropped until the log is reopened',
    ]);
    expect(stdout.join('')).toContain('still visible');
  });

  it('logfile=syslog sends each line of a record, with its head, to syslog', async () => {
    const blocks: string[] = [];
    const syslog = {
      write: (block: Uint8Array) => blocks.push(Buffer.from(block).toString('utf8')) > 0,
      onceDrained: (callback: () => void) => callback(),
    };
    const fs = new MemoryFileSystem();
    fs.mkdir('/l');
    const log = await openMainLog(
      { logfile: 'syslog', maxBytes: 0, backups: 0, level: 'debug' },
      {
        fs,
        clock: { wallMs: () => at, monotonicMs: () => 0 },
        stdoutCopy: null,
        onOwnFailure: () => undefined,
        syslog,
      },
    );
    log.log('info', "spawned: 'a' with pid 12");
    log.log('critical', 'multi\nline\n');
    log.copyChildOutput('a', 'stdout', Buffer.from('one\ntwo\n'));
    log.copyChildOutput('a', 'stderr', Buffer.from([0xff, 0x0a]));
    await log.flush();
    expect(log.path).toBeNull();
    expect(blocks).toEqual([
      `${STAMP} INFO spawned: 'a' with pid 12\n`,
      `${STAMP} CRIT multi\n${STAMP} CRIT line\n`,
      `${STAMP} DEBG 'a' stdout output:\n${STAMP} DEBG one\n${STAMP} DEBG two\n`,
      `${STAMP} DEBG 'a' stderr output:\n${STAMP} DEBG Undecodable: b'\\xff\\n'\n`,
    ]);
  });

  it('drops records rather than growing without bound when the disk stalls', async () => {
    const fs = new MemoryFileSystem();
    fs.writeGate = () => new Promise(() => undefined); // never completes
    const { log } = await open({ highWaterMark: 100 }, fs);
    for (let i = 0; i < 1000; i++) {
      log.log('info', 'x'.repeat(50));
    }
    // 16 × the high-water mark, plus one record (and the first record, held by the write)
    expect(log.stats?.peakBufferedBytes).toBeLessThanOrEqual(1600 + 2 * 80);
    expect(fs.writeCalls).toBe(1);
  });
});
