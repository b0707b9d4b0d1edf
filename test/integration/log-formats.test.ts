// log_format and forwarding through the real daemon: a child writing lines in odd-sized pieces
// (and one line whose end comes 400 ms late) gets exactly one stamp per line in `timestamped`
// and one valid JSON object per line in `json`, across rotations, with no byte lost; forwarded
// output appears on the daemon's own stdout/stderr, line by line, prefixed with the process name.

import { existsSync, readFileSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import {
  baseConfig,
  killDaemon,
  type RunningDaemon,
  startDaemon,
} from '../helpers/daemon-harness.js';
import { chunkyCommand, chunkyLines, framedChunkyLines } from '../helpers/chunky-lines.js';
import { waitFor } from '../helpers/wait-for.js';

const STAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d $/;
const STAMP_LENGTH = 30;

let daemon: RunningDaemon | undefined;
afterEach(async () => {
  await killDaemon(daemon);
  daemon = undefined;
});

/** The rotated files oldest first, then the current one. */
const logFiles = (path: string): string[] => {
  const backups: string[] = [];
  for (let n = 1; existsSync(`${path}.${n}`); n++) {
    backups.unshift(`${path}.${n}`);
  }
  return [...backups, path];
};

/** The lines of log_format=json objects, a `"partial":true` object joined to the next. */
const joinPartials = (objects: readonly Record<string, unknown>[]): string[] => {
  const lines: string[] = [];
  let pending = '';
  for (const o of objects) {
    pending += String(o['line']);
    if (o['partial'] !== true) {
      lines.push(pending);
      pending = '';
    }
  }
  return lines;
};

const runToExit = async (format: string, args: string): Promise<string[]> => {
  daemon = startDaemon(
    baseConfig(`
[program:chunky]
command=${chunkyCommand(args)}
log_format=${format}
stdout_logfile=%(here)s/chunky.log
stdout_logfile_maxbytes=16KB
stdout_logfile_backups=100
autorestart=false
startsecs=0`).replace('loglevel=debug', 'loglevel=info'),
  );
  await daemon.waitForLog('exited: chunky (exit status 0; expected)', 30_000);
  const path = daemon.dir.join('chunky.log');
  // The output is complete once the last line has been written, with the newline EOF gives it.
  await waitFor(() => readFileSync(path, 'utf8').includes('without a newline'), {
    what: 'the last line in the log',
  });
  return logFiles(path);
};

describe('log_format through the daemon', () => {
  it('timestamped: one stamp per line across rotations, no byte lost', async () => {
    const args = '--lines 2000 --seed 7';
    const files = await runToExit('timestamped', args);
    expect(files.length).toBeGreaterThan(5);
    const texts = files.map((f) => readFileSync(f, 'utf8'));
    // Rotation waits for the end of a line: every file starts with a stamped line.
    for (const text of texts.filter((t) => t !== '')) {
      expect(text.slice(0, STAMP_LENGTH)).toMatch(STAMP);
    }
    const lines = texts.join('').split('\n');
    expect(lines.pop()).toBe('');
    for (const line of lines) {
      expect(line.slice(0, STAMP_LENGTH)).toMatch(STAMP);
    }
    expect(lines.map((l) => l.slice(STAMP_LENGTH))).toEqual(chunkyLines(args));
    const stamps = lines.map((l) => Date.parse(l.slice(0, STAMP_LENGTH - 1)));
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
  });

  it('json: one valid object per line across rotations, no byte lost', async () => {
    const args = '--lines 1000 --seed 11';
    const files = await runToExit('json', args);
    expect(files.length).toBeGreaterThan(5);
    const objects = files
      .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const o of objects) {
      expect(o).toMatchObject({ program: 'chunky', process: 'chunky', stream: 'stdout' });
      expect(Date.parse(String(o['time']))).not.toBeNaN();
    }
    // A partial object (the slow line's start) is continued by the next one.
    expect(objects.filter((o) => o['partial'] === true)).toHaveLength(1);
    const lines = joinPartials(objects);
    expect(lines).toEqual(chunkyLines(args));
  });
});

describe('forwarding to the daemon', () => {
  it("shows each program's lines on the daemon's stdout/stderr, prefixed, in its format", async () => {
    daemon = startDaemon(
      baseConfig(`
[program:a]
command=${chunkyCommand('--lines 200 --name a --seed 3')}
log_format=timestamped
autorestart=false
startsecs=0

[program:b]
command=${chunkyCommand('--lines 200 --name b --seed 5 --fd 2')}
autorestart=false
startsecs=0

[program:c]
command=${chunkyCommand('--lines 200 --name c --seed 9')}
log_format=json
autorestart=false
startsecs=0

[group:g]
programs=b`)
        .replace('loglevel=debug', 'loglevel=info')
        .replace('[supervisord]', '[supervisord]\nforward_output=true'),
    );
    let stdout = '';
    let stderr = '';
    daemon.process.stdout?.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
    daemon.process.stderr?.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    await waitFor(
      () =>
        ['a last line', 'c last line'].every((l) => stdout.includes(l)) &&
        stderr.includes('b last line'),
      { what: 'every last line forwarded', timeoutMs: 30_000 },
    );
    // Forwarded lines end even when the program's line has not: the slow line's start comes
    // after 200 ms as a line of its own, its end as the next one (prefixed, not stamped again).
    const fromA = stdout.split('\n').filter((l) => l.startsWith('[a] '));
    const unstamped = fromA
      .map((l) => l.slice('[a] '.length))
      .map((l, i, all) => {
        const continued = i > 0 && all[i - 1]?.endsWith('slow line start') === true;
        if (continued) {
          return l;
        }
        expect(l.slice(0, STAMP_LENGTH)).toMatch(STAMP);
        return l.slice(STAMP_LENGTH);
      });
    expect(unstamped).toEqual(framedChunkyLines('--lines 200 --name a --seed 3'));

    const fromB = stderr.split('\n').filter((l) => l.startsWith('[g:b] '));
    expect(fromB.map((l) => l.slice('[g:b] '.length))).toEqual(
      framedChunkyLines('--lines 200 --name b --seed 5'),
    );

    // JSON lines name their process themselves: no prefix, each line one valid object.
    const fromC = stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(fromC.every((o) => o['process'] === 'c' && o['stream'] === 'stdout')).toBe(true);
    expect(joinPartials(fromC)).toEqual(chunkyLines('--lines 200 --name c --seed 9'));

    // Every stdout line is a forwarded line or the main log's own: no line cut by another's.
    const mainLog = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} [A-Z]+ /;
    for (const l of stdout.split('\n').filter((x) => x !== '')) {
      expect(l.startsWith('[a] ') || l.startsWith('{') || mainLog.test(l), l).toBe(true);
    }
    expect(stdout).not.toContain('b line');
    expect(stderr).not.toMatch(/[ac] line/);
  });
});
