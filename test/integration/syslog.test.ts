// Syslog through the real daemon: logfile=syslog and *_syslog send supervisord's lines (glibc's
// `<14>Mmm dd hh:mm:ss ident: ` form) to a unix datagram socket the test listens on
// ([supervisord] syslog_socket instead of /dev/log): the main log's records, and each program's
// lines as `<process> <line>`, framed into lines however the program's writes cut them.

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import {
  baseConfig,
  killDaemon,
  PROGRAMS,
  type RunningDaemon,
  startDaemon,
} from '../helpers/daemon-harness.js';
import { chunkyCommand, framedChunkyLines } from '../helpers/chunky-lines.js';
import { makeTempDir, type TempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/wait-for.js';

const HEADER = /^<14>[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d tssupervisord: /;

let daemon: RunningDaemon | undefined;
let listener: ChildProcess | undefined;
afterEach(async () => {
  listener?.kill('SIGKILL');
  listener = undefined;
  await killDaemon(daemon);
  daemon = undefined;
});

/** Start the stand-in syslog daemon on `dir`/log.sock; its datagrams land in `dir`/syslog.txt. */
const listen = async (dir: TempDir): Promise<() => string[]> => {
  const socket = dir.join('log.sock');
  const records = dir.join('syslog.txt');
  listener = spawn('python3', [`${PROGRAMS}/syslog-listener.py`, socket, records], {
    stdio: 'ignore',
  });
  await waitFor(() => existsSync(socket), { what: 'the syslog listener' });
  return () =>
    existsSync(records)
      ? readFileSync(records, 'utf8')
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => JSON.parse(l) as string)
      : [];
};

/** The message of each datagram (after the header), as UTF-8. */
const messages = (datagrams: string[]): string[] =>
  datagrams.map((d) => Buffer.from(d.replace(HEADER, ''), 'latin1').toString('utf8'));

const config = (extra: string): string =>
  baseConfig(extra)
    .replace('logfile=%(here)s/supervisord.log', 'logfile=syslog\nsyslog_socket=%(here)s/log.sock')
    .replace('loglevel=debug', 'loglevel=info');

describe('syslog', () => {
  it('gets the main log and every line of the programs that ask, one datagram each', async () => {
    const dir = makeTempDir();
    const received = await listen(dir);
    daemon = startDaemon(
      config(`
[program:a]
command=${chunkyCommand('--lines 300 --name a --seed 3')}
stdout_syslog=true
autorestart=false
startsecs=0

[program:b]
command=${chunkyCommand('--lines 50 --name b --seed 5 --fd 2')}
stdout_logfile=syslog
stderr_syslog=true
autorestart=false
startsecs=0

[program:quiet]
command=${chunkyCommand('--lines 5 --name quiet')}
autorestart=false
startsecs=0
`),
      { dir },
    );
    await waitFor(
      () => {
        const text = messages(received()).join('\n');
        return ['a last line', 'b last line', 'exited: quiet'].every((s) => text.includes(s));
      },
      { what: 'the last lines in syslog', timeoutMs: 30_000 },
    );
    const datagrams = received();
    for (const d of datagrams) {
      expect(d, d).toMatch(HEADER);
    }
    const all = messages(datagrams);

    // The main log: each record in supervisord's format, with its newline, as supervisord sends.
    const mainLog = all.filter((m) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} [A-Z]{4} /.test(m));
    expect(mainLog.every((m) => m.endsWith('\n'))).toBe(true);
    expect(mainLog.join('')).toMatch(/INFO spawned: 'a' with pid \d+\n/);
    expect(mainLog.join('')).toContain(
      'WARN For [program:b], stdout_logfile=syslog but this is deprecated and will be removed.  Use stdout_syslog=true to enable syslog instead.\n',
    );

    // A program's lines: `<name> <line>`, each exactly once, in order, without a newline; the
    // slow line's start comes on its own after 200 ms, the rest as the next line.
    const linesOf = (name: string): string[] =>
      all.filter((m) => m.startsWith(`${name} `)).map((m) => m.slice(name.length + 1));
    expect(linesOf('a')).toEqual(framedChunkyLines('--lines 300 --name a --seed 3'));
    expect(linesOf('b')).toEqual(framedChunkyLines('--lines 50 --name b --seed 5'));
    expect(linesOf('quiet')).toEqual([]);
    // With logfile=syslog there is no main log file.
    expect(existsSync(dir.join('supervisord.log'))).toBe(false);
  });

  it('says when there is no syslog socket, and how many lines were lost once there is', async () => {
    const dir = makeTempDir();
    daemon = startDaemon(
      baseConfig(`
[program:ticker]
command=${process.execPath} -e "setInterval(() => console.log('tick'), 50)"
stdout_syslog=true
startsecs=0
`)
        .replace('[supervisord]', '[supervisord]\nsyslog_socket=%(here)s/log.sock')
        .replace('loglevel=debug', 'loglevel=info'),
      { dir },
    );
    await daemon.waitForLog(
      /WARN cannot send syslog lines to \S+log\.sock \(ENOENT\): they are dropped until it works/,
    );
    const received = await listen(dir);
    await daemon.waitForLog(/WARN syslog lines reach \S+log\.sock again; \d+ were dropped/, 15_000);
    await waitFor(() => messages(received()).filter((m) => m === 'ticker tick').length >= 3, {
      what: 'ticks in syslog',
    });
  });
});
