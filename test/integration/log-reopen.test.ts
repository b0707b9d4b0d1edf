// Reopen (SIGUSR2) after logrotate renamed the file, and clear: no byte lost or duplicated.
import { spawn } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, expect, it } from 'vitest';

import { EventBus } from '../../src/events/event-bus.js';
import { createProcessLogs } from '../../src/logging/process-logs.js';
import type { ProcessLogs } from '../../src/logging/process-logs.js';
import { childHandleOf } from '../support/logging/child-handle-of.js';
import { checkSpewFiles } from '../support/logging/spew-pattern.js';
import { nodeClock } from '../../src/platform/node-clock.js';
import { NodeFileSystem } from '../../src/platform/node-file-system.js';

const SPEW = join(import.meta.dirname, '../fixtures/programs/spew.mjs');
const MiB = 1024 * 1024;
const fs = new NodeFileSystem();

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'log-reopen-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const sizeOf = (path: string): number => {
  try {
    return statSync(path).size;
  } catch {
    return -1;
  }
};

/** Poll `condition` every few ms until it holds, failing after `deadlineMs`. */
const waitFor = async (condition: () => boolean, deadlineMs = 20_000): Promise<void> => {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > deadlineMs) {
      throw new Error('condition not met before the deadline');
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
};

const open = (path: string): Promise<ProcessLogs> =>
  createProcessLogs(
    {
      processName: 'p',
      groupName: 'p',
      identifier: 'supervisor',
      childLogDir: dir,
      stdout: { logfile: { kind: 'path', path }, maxBytes: 0, backups: 0, eventsEnabled: false },
      stderr: { logfile: { kind: 'none' }, maxBytes: 0, backups: 0, eventsEnabled: false },
      redirectStderr: false,
      stripAnsi: false,
    },
    {
      fs,
      logger: { log: (level, message) => console.log(level, message), isEnabled: () => true },
      debugCopy: null,
      events: new EventBus(),
      clock: nodeClock,
    },
  );

it('reopen at a known point: the moved file ends there, the new one starts there', async () => {
  const path = join(dir, 'x.log');
  const moved = join(dir, 'x.log.rotated');
  const logs = await open(path);
  const first = 8 * MiB;
  const total = 20 * MiB;
  const child = spawn(
    process.execPath,
    [SPEW, '--bytes', String(total), '--pause-after', String(first)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  logs.attach(childHandleOf(child));
  await waitFor(() => sizeOf(path) === first);
  renameSync(path, moved);
  await logs.reopen();
  child.kill('SIGUSR1');
  await logs.drained();
  await logs.close();
  expect(sizeOf(moved)).toBe(first);
  expect(sizeOf(path)).toBe(total - first);
  expect(await checkSpewFiles(fs, [moved, path], total)).toEqual({ ok: true, bytes: total });
});

it('reopen in the middle of a burst loses and repeats nothing', async () => {
  const path = join(dir, 'x.log');
  const moved = join(dir, 'x.log-20240101');
  const logs = await open(path);
  const total = 128 * MiB;
  const child = spawn(process.execPath, [SPEW, '--bytes', String(total), '--chunk', '65536'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  logs.attach(childHandleOf(child));
  await waitFor(() => sizeOf(path) > 4 * MiB);
  renameSync(path, moved);
  await logs.reopen();
  await logs.drained();
  await logs.close();
  console.log(`moved file ${sizeOf(moved)} bytes, new file ${sizeOf(path)} bytes`);
  expect(sizeOf(path)).toBeGreaterThan(0);
  expect(await checkSpewFiles(fs, [moved, path], total)).toEqual({ ok: true, bytes: total });
});

it('clear deletes the current file and keeps capturing', async () => {
  const path = join(dir, 'x.log');
  const logs = await open(path);
  const first = 4 * MiB;
  const total = 6 * MiB;
  const child = spawn(
    process.execPath,
    [SPEW, '--bytes', String(total), '--pause-after', String(first)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  logs.attach(childHandleOf(child));
  await waitFor(() => sizeOf(path) === first);
  expect(await logs.clear()).toEqual({ ok: true });
  expect(sizeOf(path)).toBe(0);
  child.kill('SIGUSR1');
  await logs.drained();
  await logs.close();
  expect(sizeOf(path)).toBe(total - first);
});
