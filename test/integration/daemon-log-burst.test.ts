// A 256 MiB burst from a supervised program, through the real daemon, with rotation configured as
// a user would (50MB x 10): the rotated files, oldest first, hold exactly what the child wrote.

import { existsSync, statSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import {
  baseConfig,
  killDaemon,
  PROGRAMS,
  type RunningDaemon,
  startDaemon,
} from '../helpers/daemon-harness.js';
import { waitFor } from '../helpers/wait-for.js';
import { checkSpewFiles } from '../support/logging/spew-pattern.js';
import { NodeFileSystem } from '../../src/platform/node-file-system.js';

const TOTAL = 256 * 1024 * 1024;

let daemon: RunningDaemon | undefined;
afterEach(async () => {
  await killDaemon(daemon);
  daemon = undefined;
});

describe('child output through the daemon', () => {
  it('a 256 MiB burst lands byte-exact in rotated files', async () => {
    daemon = startDaemon(
      baseConfig(`
[program:spew]
command=${process.execPath} ${PROGRAMS}/spew.mjs --bytes ${TOTAL}
stdout_logfile=%(here)s/spew.log
stdout_logfile_maxbytes=50MB
stdout_logfile_backups=10
autorestart=false
startsecs=0`).replace('loglevel=debug', 'loglevel=info'),
    );
    await daemon.waitForLog('exited: spew (exit status 0; expected)', 60_000);
    const files = (): string[] => {
      const log = daemon!.dir.join('spew.log');
      const backups = [5, 4, 3, 2, 1].map((n) => `${log}.${n}`).filter((p) => existsSync(p));
      return [...backups, log];
    };
    const size = (): number => files().reduce((n, p) => n + statSync(p).size, 0);
    await waitFor(() => size() >= TOTAL, { timeoutMs: 30_000, what: 'all bytes on disk' });
    expect(files().map((p) => p.slice(p.lastIndexOf('/') + 1))).toEqual([
      'spew.log.5',
      'spew.log.4',
      'spew.log.3',
      'spew.log.2',
      'spew.log.1',
      'spew.log',
    ]);
    expect(await checkSpewFiles(new NodeFileSystem(), files(), TOTAL)).toEqual({
      ok: true,
      bytes: TOTAL,
    });
  });
});
