// `logs` against a fake daemon whose logs grow between polls: the history, the merged prefixed
// lines with -f, an unfinished line, a rotation, and the errors.

import { describe, expect, it } from 'vitest';

import { runCtl } from '../../../test/fakes/fake-ctl-deps.js';
import { fault, ok, type FakeAnswer } from '../../../test/fakes/fake-rpc-client.js';
import { baseAnswers, processInfo } from '../../../test/fakes/supervisor-answers.js';

/** Log files by `namespec/channel`, answered as supervisord 4.2.5's tail and read methods do. */
const logStore = (files: Record<string, string>) => {
  const append = (key: string, text: string): void => {
    files[key] = (files[key] ?? '') + text;
  };
  const size = (key: string): number => Buffer.byteLength(files[key] ?? '');
  const tail =
    (channel: string): FakeAnswer =>
    ([name, offset, length]) => {
      const key = `${name as string}/${channel}`;
      if (!(key in files)) {
        return fault('BAD_NAME', name as string);
      }
      // length 0: nothing, and the size as the offset
      expect([offset, length]).toEqual([0, 0]);
      return ok(['', size(key), size(key) > 0]);
    };
  const read =
    (channel: string): FakeAnswer =>
    ([name, offset, length]) => {
      const bytes = Buffer.from(files[`${name as string}/${channel}`] ?? '');
      const from = Number(offset);
      return ok(
        bytes.subarray(from, Number(length) === 0 ? undefined : from + Number(length)).toString(),
      );
    };
  return {
    files,
    append,
    answers: baseAnswers({
      getAllProcessInfo: ok([
        { ...processInfo('api', 'RUNNING'), stderr_logfile: '/l/api.err' },
        processInfo('w_0', 'RUNNING', { group: 'workers' }),
      ]),
      tailProcessStdoutLog: tail('stdout'),
      tailProcessStderrLog: tail('stderr'),
      readProcessStdoutLog: read('stdout'),
      readProcessStderrLog: read('stderr'),
    }),
  };
};

describe('logs', () => {
  it('shows the last lines of every log, prefixed, padded, without colour off a terminal', async () => {
    const store = logStore({
      'api:api/stdout': 'a1\na2\na3\n',
      'api:api/stderr': 'oops\n',
      'workers:w_0/stdout': 'w1\n',
    });
    const run = await runCtl(['logs', '-n', '2'], { answers: store.answers });
    expect(run.stdout).toBe(
      [
        'api          | a2',
        'api          | a3',
        'api (stderr) | oops',
        'workers:w_0  | w1',
        '',
      ].join('\n'),
    );
    expect(run.exit).toBe(0);
  });

  it('follows the named logs, merged, until Ctrl-C: whole lines, a rotation, an unfinished line', async () => {
    const store = logStore({
      'api:api/stdout': 'old\n',
      'api:api/stderr': '',
      'workers:w_0/stdout': 'x\n',
    });
    const steps: (() => void)[] = [
      () => {
        store.append('api:api/stdout', 'new 1\nnew');
        store.append('api:api/stderr', 'err 1\n');
      },
      () => {
        store.append('api:api/stdout', ' 2\nprompt> ');
      },
      () => undefined,
      () => {
        // rotated: a new, shorter file
        store.files['api:api/stdout'] = 'after\n';
      },
    ];
    const run = await runCtl(['logs', '-f', '-n0', 'api'], {
      answers: store.answers,
      colour: true,
      onPause: (count, fake) => {
        const step = steps[count - 1];
        if (step === undefined) {
          fake.interrupt();
        } else {
          step();
        }
      },
    });
    const api = '\x1b[36mapi         \x1b[0m | ';
    const err = '\x1b[36mapi (stderr)\x1b[0m \x1b[31m|\x1b[0m ';
    expect(run.stdout).toBe(
      [
        '==> Press Ctrl-C to exit <==',
        `${api}new 1`,
        `${err}err 1`,
        `${api}new 2`,
        `${api}prompt> `,
        `${api}after`,
        '',
        '',
      ].join('\n'),
    );
    expect(run.exit).toBe(0);
  });

  it('--since keeps the lines of timestamped and json logs from that time on; a raw log shows none', async () => {
    const stamp = (minute: number): string =>
      `2026-12-05T11:${String(minute).padStart(2, '0')}:00.000+00:00`;
    const store = logStore({
      'api:api/stdout': `${stamp(40)} early\n${stamp(50)} edge\n${stamp(55)} late\n`,
      'api:api/stderr': [40, 52].map((m) => `{"time":"${stamp(m)}","line":"e${m}"}\n`).join(''),
      'workers:w_0/stdout': 'raw line\n',
    });
    const wallMs = Date.UTC(2026, 11, 5, 12);
    const run = await runCtl(['logs', '--since', '10m'], { answers: store.answers, wallMs });
    expect(run.stdout).toBe(
      [
        `api          | ${stamp(50)} edge`,
        `api          | ${stamp(55)} late`,
        `api (stderr) | {"time":"${stamp(52)}","line":"e52"}`,
        '',
      ].join('\n'),
    );
    expect(run.stderr).toBe(
      'workers:w_0: a raw log, its lines carry no time: --since shows none of it\n',
    );
    expect(run.exit).toBe(0);
    const last = await runCtl(['logs', '-n', '1', '--since=2026-12-05T11:45:00Z', 'api'], {
      answers: store.answers,
      wallMs,
    });
    expect(last.stdout).toBe(
      [
        `api          | ${stamp(55)} late`,
        `api (stderr) | {"time":"${stamp(52)}","line":"e52"}`,
        '',
      ].join('\n'),
    );
  });

  it('refuses a bad --since value with exit status 2', async () => {
    const store = logStore({ 'api:api/stdout': 'a\n' });
    for (const argv of [
      ['logs', '--since', 'soon'],
      ['logs', '--since=2026-02-30'],
    ]) {
      const run = await runCtl(argv, { answers: store.answers });
      expect(run.stdout).toMatch(/^Error: bad --since value '.*': give a duration .*\nlogs /);
      expect(run.exit).toBe(2);
    }
    const missing = await runCtl(['logs', '--since'], { answers: store.answers });
    expect(missing.stdout).toMatch(/^Error: --since needs a duration or a time\n/);
  });

  it('names what matches no process, with exit status 1', async () => {
    const store = logStore({ 'api:api/stdout': 'a\n', 'api:api/stderr': '' });
    const run = await runCtl(['logs', 'nope'], { answers: store.answers });
    expect(run.stdout).toBe('nope: ERROR (no such process)\n');
    expect(run.exit).toBe(1);
  });

  it('refuses what it does not know', async () => {
    const store = logStore({});
    for (const argv of [
      ['logs', '-x'],
      ['logs', '-n'],
      ['logs', '-n', 'many'],
    ]) {
      const run = await runCtl(argv, { answers: store.answers });
      expect(run.stdout).toMatch(/^Error: .*\nlogs /);
      expect(run.exit).toBe(1);
    }
  });
});
