// `tssupervisorctl logs` on ours and on supervisord 4.2.5 alike (it uses only the tail and read
// methods): the last lines of several programs' stdout and stderr, prefixed, then -f's merged new
// lines as they are written, until Ctrl-C.

import { spawn, spawnSync } from 'node:child_process';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CTL_BIN } from '../helpers/daemon-harness.js';
import { waitFor } from '../helpers/wait-for.js';
import { COMPAT_ENV, type CompatDaemon, startDaemons, stopDaemon } from './compat-daemons.js';

// Each program counts up, a line every 100 ms; `b` also writes to stderr.
const counter = (name: string, alsoStderr: boolean): string =>
  `${process.execPath} -e "let i = 0; setInterval(() => { i++; console.log('${name} ' + i);${alsoStderr ? ` console.error('${name} err ' + i);` : ''} }, 100)"`;

const PROGRAMS = `
[program:a]
command=${counter('a', false)}
startsecs=0

[program:b]
command=${counter('b', true)}
startsecs=0

[program:other]
command=${counter('other', false)}
startsecs=0
`;

let daemons: CompatDaemon[] = [];
beforeAll(async () => {
  daemons = await startDaemons(PROGRAMS);
}, 60_000);
afterAll(async () => {
  await Promise.all(daemons.map((d) => stopDaemon(d)));
});

const ctl = (daemon: CompatDaemon, args: string[]) =>
  spawnSync(process.execPath, [CTL_BIN, '-c', daemon.configPath, ...args], {
    env: COMPAT_ENV,
    encoding: 'utf8',
    timeout: 20_000,
  });

/** The counters of `label`'s lines (`a            | a 7` → 7), whatever the padding. */
const counts = (output: string, label: string, text: string): number[] => {
  const escaped = label.replace(/[()]/g, '\\$&');
  const pattern = new RegExp(`^${escaped} +\\| ${text} (\\d+)$`);
  return output.split('\n').flatMap((l) => {
    const match = pattern.exec(l);
    return match === null ? [] : [Number(match[1])];
  });
};

describe.each(['ours', 'reference'] as const)('logs on %s', (kind) => {
  const daemon = (): CompatDaemon => daemons.find((d) => d.kind === kind) as CompatDaemon;

  it('shows the last lines of the named programs, stdout and stderr, prefixed', async () => {
    // Each program must have written at least three lines of each stream before we ask for three.
    await waitFor(
      () => {
        const out = ctl(daemon(), ['logs', 'a', 'b']).stdout;
        return (
          counts(out, 'a', 'a').length >= 3 &&
          counts(out, 'b', 'b').length >= 3 &&
          counts(out, 'b (stderr)', 'b err').length >= 3
        );
      },
      { what: 'a and b to have written three lines of each stream' },
    );
    const run = ctl(daemon(), ['logs', '-n', '3', 'a', 'b']);
    expect(run.status).toBe(0);
    // Labels padded to the widest, `b (stderr)`; no colour off a terminal; `other` not asked.
    expect(run.stdout).not.toContain('\x1b[');
    expect(run.stdout).not.toContain('other');
    for (const [label, text] of [
      ['a', 'a'],
      ['b', 'b'],
      ['b (stderr)', 'b err'],
    ] as const) {
      const seen = counts(run.stdout, label, text);
      expect(seen).toHaveLength(3);
      expect(seen).toEqual([seen[0] as number, (seen[0] as number) + 1, (seen[0] as number) + 2]);
    }
  });

  it('follows them, merged, as they are written, until Ctrl-C', async () => {
    const child = spawn(
      process.execPath,
      [CTL_BIN, '-c', daemon().configPath, 'logs', '-f', '-n', '1'],
      {
        env: COMPAT_ENV,
      },
    );
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    try {
      await waitFor(
        () =>
          ['a', 'b', 'other'].every((name) => counts(out, name, name).length >= 5) &&
          counts(out, 'b (stderr)', 'b err').length >= 5,
        { what: 'five new lines of each log', timeoutMs: 15_000 },
      );
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(out).toContain('\n==> Press Ctrl-C to exit <==\n');
    // Every line is whole and prefixed, and each program's counter goes up by one: nothing is
    // lost or shown twice between polls.
    const lines = out.split('\n').filter((l) => l !== '' && !l.startsWith('==> '));
    for (const line of lines) {
      expect(line).toMatch(/^(a|b|other|b \(stderr\)) +\| (a|b|other|b err) \d+$/);
    }
    for (const [label, text] of [
      ['a', 'a'],
      ['b', 'b'],
      ['other', 'other'],
      ['b (stderr)', 'b err'],
    ] as const) {
      const seen = counts(out, label, text);
      expect(seen).toEqual(seen.map((_, i) => (seen[0] as number) + i));
    }
  });
});
