// The floor for logging: the same writer piped straight into GNU split, which cuts its input
// into 50 MiB files — a pipe read and file writes with rotation, with no supervisor. Its CPU
// comes from bash's `times` once split has exited.

import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { runChecked } from '../proc/run-command.js';
import type { BenchContext } from '../scenarios/scenario.js';
import { ROTATE_MAX_BYTES } from '../subjects/workload-spec.js';
import type { WriterRun } from '../workload/writer-run.js';

const seconds = (text: string): number => {
  const match = /^(\d+)m([\d.]+)s$/.exec(text);
  return match === null ? Number.NaN : Number(match[1]) * 60 + Number(match[2]);
};

export const runFloorPipeline = async (
  ctx: BenchContext,
  dir: string,
  measure: (writer: WriterRun) => Promise<void>,
): Promise<void> => {
  const logs = join(dir, 'logs');
  mkdirSync(logs, { recursive: true });
  const recordsFile = join(dir, 'records.txt');
  const fifo = join(dir, 'go.fifo');
  await runChecked('mkfifo', [fifo]);
  const script = '"$0" "$1" writer "$2" "$3" | { split -b "$4" -d -a 2 - "$5"; times; }';
  const child = spawn(
    'bash',
    [
      '-c',
      script,
      ctx.scripts.writer,
      recordsFile,
      fifo,
      ctx.logData().path,
      String(ROTATE_MAX_BYTES),
      join(logs, 'writer.log.'),
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  await measure({
    recordsFile,
    fifo,
    files: () =>
      readdirSync(logs)
        .sort()
        .map((f) => join(logs, f)),
    cpuMeter: () => async () => {
      await exited;
      const [user, system] = (output.split('\n')[1] ?? '').split(' ');
      const total = seconds(user ?? '') + seconds(system ?? '');
      return Number.isNaN(total) ? null : total;
    },
  });
};
