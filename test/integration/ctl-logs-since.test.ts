// `tssupervisorctl logs --since` against the real daemon: a log_format=timestamped program's lines
// from a given time on (its own stamps decide), a raw log named on stderr and not shown, and a bad
// value refused with exit status 2.

import { readFileSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import {
  baseConfig,
  killDaemon,
  runCtl,
  type RunningDaemon,
  startDaemon,
} from '../helpers/daemon-harness.js';
import { waitFor } from '../helpers/wait-for.js';

let daemon: RunningDaemon | undefined;
afterEach(async () => {
  await killDaemon(daemon);
  daemon = undefined;
});

const counter = (name: string): string =>
  `${process.execPath} -e "let i = 0; setInterval(() => console.log('${name} ' + ++i), 50)"`;

describe('logs --since', () => {
  it('shows a timestamped log from a time on, and says a raw log has no times', async () => {
    daemon = startDaemon(
      baseConfig(`
[program:stamped]
command=${counter('s')}
log_format=timestamped
stdout_logfile=%(here)s/stamped.log
startsecs=0

[program:plain]
command=${counter('p')}
stdout_logfile=%(here)s/plain.log
startsecs=0
`),
    );
    const path = `${daemon.dir.path}/stamped.log`;
    const lines = await waitFor(
      () => {
        const text = readFileSync(path, 'utf8').split('\n');
        return text.length > 6 ? text : false;
      },
      { what: 'six stamped lines' },
    );
    // The stamp of line 4 (`<stamp> s 4`): --since it shows line 4 on, not line 3.
    const fourth = lines[3] as string;
    expect(fourth).toMatch(/ s 4$/);
    const since = fourth.slice(0, fourth.indexOf(' '));
    const run = runCtl(daemon, 'logs', '--since', since, 'stamped', 'plain');
    expect(run.status).toBe(0);
    const shown = run.stdout.split('\n').filter((l) => l !== '');
    // Labels are padded to the widest, `stamped (stderr)` (an empty log: nothing of it shown).
    expect(shown[0]).toMatch(/^stamped +\| /);
    expect(shown[0]?.replace(/^stamped +\| /, '')).toBe(fourth);
    expect(shown.every((l) => /^stamped +\| \S+ s \d+$/.test(l))).toBe(true);
    expect(run.stdout).not.toContain(' s 3\n');
    expect(run.stderr).toBe(
      'plain: a raw log, its lines carry no time: --since shows none of it\n',
    );

    const hour = runCtl(daemon, 'logs', '--since', '1h', 'stamped');
    expect(hour.status).toBe(0);
    expect(hour.stdout.split('\n')[0]).toMatch(/^stamped +\| \S+ s 1$/);

    const bad = runCtl(daemon, 'logs', '--since', 'tomorrow');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toContain("Error: bad --since value 'tomorrow'");
  });
});
