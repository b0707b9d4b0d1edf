// A 256 MiB burst from a real child lands byte-exact in rotated files: concatenating
// x.log.N … x.log.1, x.log gives exactly what the child wrote.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, expect, it } from 'vitest';

import { EventBus } from '../../src/events/event-bus.js';
import { createProcessLogs } from '../../src/logging/process-logs.js';
import { childHandleOf } from '../support/logging/child-handle-of.js';
import { checkSpewFiles } from '../support/logging/spew-pattern.js';
import { nodeClock } from '../../src/platform/node-clock.js';
import { NodeFileSystem } from '../../src/platform/node-file-system.js';

const SPEW = join(import.meta.dirname, '../fixtures/programs/spew.mjs');
const MiB = 1024 * 1024;

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'log-rotation-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

it('a 256 MiB burst lands byte-exact in rotated files (maxbytes 50MB, backups 10)', async () => {
  const fs = new NodeFileSystem();
  const total = 256 * MiB;
  const path = join(dir, 'x.log');
  const logs = await createProcessLogs(
    {
      processName: 'spew',
      groupName: 'spew',
      identifier: 'supervisor',
      childLogDir: dir,
      stdout: {
        logfile: { kind: 'path', path },
        maxBytes: 50 * MiB,
        backups: 10,
        eventsEnabled: false,
      },
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

  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const child = spawn(process.execPath, [SPEW, '--bytes', String(total)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  logs.attach(childHandleOf(child));
  await logs.drained();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(
    `256 MiB captured in ${seconds.toFixed(3)} s = ${(total / MiB / seconds).toFixed(0)} MiB/s; ` +
      `daemon CPU ${cpuSeconds.toFixed(3)} s (${((cpuSeconds * 100 * MiB) / total).toFixed(3)} s per 100 MiB); ` +
      JSON.stringify(logs.fileStats('stdout')),
  );
  await logs.close();

  const names = readdirSync(dir).sort();
  expect(names).toEqual(['x.log', 'x.log.1', 'x.log.2', 'x.log.3', 'x.log.4', 'x.log.5']);
  for (const name of names.filter((n) => n !== 'x.log')) {
    // Each rotated file stopped at the write that reached 50 MiB.
    expect(statSync(join(dir, name)).size).toBeGreaterThanOrEqual(50 * MiB);
  }
  const ordered = ['x.log.5', 'x.log.4', 'x.log.3', 'x.log.2', 'x.log.1', 'x.log'];
  const check = await checkSpewFiles(
    fs,
    ordered.map((n) => join(dir, n)),
    total,
  );
  expect(check).toEqual({ ok: true, bytes: total });
});
