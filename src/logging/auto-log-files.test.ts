import { describe, expect, it } from 'vitest';

import type { LogLevel } from '../model/log-level.js';
import type { DaemonLogger } from '../ports/logger.js';
import {
  autoLogName,
  autoLogPattern,
  cleanAutoLogs,
  createAutoLog,
  randomNamePart,
} from './auto-log-files.js';
import { MemoryFileSystem } from '../../test/support/logging/memory-file-system.js';

const recordingLogger = (): DaemonLogger & { lines: string[] } => {
  const lines: string[] = [];
  return {
    lines,
    log: (level: LogLevel, message: string) => lines.push(`${level} ${message}`),
    isEnabled: () => true,
  };
};

describe('AUTO log names', () => {
  it('follows supervisord: <name>-<channel>---<identifier>-<8 chars>.log', () => {
    expect(autoLogName('web_01', 'stderr', 'supervisor', 'ab_c1234')).toBe(
      'web_01-stderr---supervisor-ab_c1234.log',
    );
  });

  it('draws 8 characters from the tempfile alphabet', () => {
    expect(randomNamePart(() => 0)).toBe('aaaaaaaa');
    expect(randomNamePart(() => 0.999999)).toBe('________');
    expect(randomNamePart(Math.random)).toMatch(/^[a-z0-9_]{8}$/);
  });

  it('matches AUTO logs of this identifier and their backups only', () => {
    const p = autoLogPattern('supervisor');
    expect(p.test('web-stdout---supervisor-abcdefgh.log')).toBe(true);
    expect(p.test('web-stdout---supervisor-abcdefgh.log.10')).toBe(true);
    expect(p.test('web-stdout---other-abcdefgh.log')).toBe(false);
    expect(p.test('web.log')).toBe(false);
    expect(p.test('---supervisor-x.log')).toBe(false);
  });

  it('takes the identifier literally', () => {
    const p = autoLogPattern('a.b');
    expect(p.test('w-stdout---a.b-12345678.log')).toBe(true);
    expect(p.test('w-stdout---axb-12345678.log')).toBe(false);
  });
});

describe('createAutoLog', () => {
  it('creates the file with mode 0600, drawing again on a name collision', async () => {
    const fs = new MemoryFileSystem();
    fs.mkdir('/logs');
    fs.writeFile('/logs/taken.log', '');
    const names = ['taken.log', 'free.log'];
    const created = await createAutoLog(fs, '/logs', () => names.shift() ?? 'x');
    expect(created).toEqual({ ok: true, path: '/logs/free.log' });
    expect(fs.permissionsOf('/logs/free.log')).toBe(0o600);
    expect(fs.openFiles).toBe(0);
  });

  it('reports a directory it cannot create files in', async () => {
    const fs = new MemoryFileSystem();
    const created = await createAutoLog(fs, '/missing', () => 'a.log');
    expect(created.ok).toBe(false);
  });
});

describe('cleanAutoLogs', () => {
  it('deletes AUTO logs of the identifier and nothing else', async () => {
    const fs = new MemoryFileSystem();
    fs.mkdir('/logs');
    for (const n of [
      'a-stdout---supervisor-12345678.log',
      'a-stdout---supervisor-12345678.log.1',
      'a-stdout---other-12345678.log',
      'keep.log',
    ]) {
      fs.writeFile(`/logs/${n}`, 'x');
    }
    const logger = recordingLogger();
    await cleanAutoLogs(fs, '/logs', 'supervisor', logger);
    expect(fs.names()).toEqual(['/logs/a-stdout---other-12345678.log', '/logs/keep.log']);
    expect(logger.lines).toEqual([]);
  });

  it('warns like supervisord when it cannot', async () => {
    const fs = new MemoryFileSystem();
    const logger = recordingLogger();
    await cleanAutoLogs(fs, '/missing', 'supervisor', logger);
    expect(logger.lines).toEqual(['warn Could not clear childlog dir']);
    fs.mkdir('/logs');
    fs.writeFile('/logs/a-stdout---supervisor-1.log', '');
    fs.failure = (op) => (op === 'unlink' ? 'EPERM' : null);
    await cleanAutoLogs(fs, '/logs', 'supervisor', logger);
    expect(logger.lines[1]).toBe("warn Failed to clean up '/logs/a-stdout---supervisor-1.log'");
  });
});
