// Logs through the real supervisorctl against ours and supervisord 4.2.5: tail (stdout, stderr,
// -N bytes), a brief tail -f, clear, maintail and maintail -f; and the log methods over raw
// XML-RPC with the readFile/tailFile offset rules.

import { describe, it } from 'vitest';

import { expectSameTranscripts, runOnBoth } from './compat-run.js';
import type { CompatDaemon } from './compat-daemons.js';
import { type RpcCall, type Step, waitForStates } from './compat-steps.js';

const PROGRAMS = `
[program:talker]
command=/bin/sh -c "echo line one; echo line two; echo oops >&2; exec sleep 1000"

[program:merged]
command=/bin/sh -c "echo to out; echo to err >&2; exec sleep 1000"
redirect_stderr=true

[program:nolog]
command=sleep 1000
stdout_logfile=NONE
stderr_logfile=NONE

[program:echo]
command=cat
startsecs=0

[program:later]
command=sleep 1000
autostart=false

[program:binary]
command=/bin/sh -c "printf 'caf\\303\\251 \\377 bad\\n'; exec sleep 1000"
`;

const logHolds = (name: string, channel: 'Stdout' | 'Stderr', text: string): Step => ({
  wait: `${name} ${channel} log to hold ${JSON.stringify(text)}`,
  until: async (daemon: CompatDaemon) => {
    const log = await daemon.rpc.call(`supervisor.readProcess${channel}Log`, [name, 0, 0]);
    return typeof log === 'string' && log.includes(text);
  },
});

const mainLogHolds = (text: string): Step => ({
  wait: `main log to hold ${JSON.stringify(text)}`,
  until: async (daemon: CompatDaemon) => {
    const log = await daemon.rpc.call('supervisor.readLog', [0, 0]);
    return typeof log === 'string' && log.includes(text);
  },
});

const READY: Step[] = [
  waitForStates('RUNNING', 'talker', 'merged', 'nolog', 'echo', 'binary'),
  logHolds('talker', 'Stdout', 'line two'),
  logHolds('talker', 'Stderr', 'oops'),
  logHolds('merged', 'Stdout', 'to err'),
];

const windows = (method: string, name: string): RpcCall[] =>
  (
    [
      [0, 0],
      [5, 3],
      [-5, 0],
      [-1000, 0],
      [1000, 0],
      [0, 100],
      [-5, 3],
      [3, -1],
      [0, 5],
      [2, 5],
      [8, 10],
      [18, 100],
      [0, -1],
    ] as const
  ).map(([offset, length]) => [method, [name, offset, length]]);

describe('logs through supervisorctl and XML-RPC, against ours and supervisord', () => {
  it('tails, follows and clears process logs the same way', async () => {
    const steps: Step[] = [
      ...READY,
      { ctl: ['tail', 'talker'] },
      { ctl: ['tail', 'talker', 'stderr'] },
      { ctl: ['tail', 'talker', 'stdout'] },
      { ctl: ['tail', '-5', 'talker'] },
      { ctl: ['tail', '-5', 'talker', 'stderr'] },
      { ctl: ['tail', 'merged'] },
      { ctl: ['tail', 'merged', 'stderr'] },
      { ctl: ['tail', 'nolog'] },
      { ctl: ['tail', 'nope'] },
      { ctl: ['tail', 'talker', 'bogus'] },
      { ctl: ['tail'] },
      { follow: ['tail', '-f', 'talker'], until: 'line two\n' },
      { follow: ['tail', '-f', 'talker', 'stderr'], until: 'oops\n' },
      { follow: ['tail', '-f', 'nolog'], until: '\u0000never' },
      { follow: ['tail', '-f', 'nope'], until: '\u0000never' },
      { rpc: [['supervisor.sendProcessStdin', ['echo', 'hello from stdin\n']]] },
      logHolds('echo', 'Stdout', 'hello from stdin'),
      { ctl: ['tail', 'echo'] },
      { ctl: ['clear', 'talker'] },
      { ctl: ['tail', 'talker'] },
      { ctl: ['tail', 'talker', 'stderr'] },
      { ctl: ['clear', 'nope'] },
      { ctl: ['clear', 'all'] },
      { ctl: ['tail', 'merged'] },
    ];
    expectSameTranscripts(await runOnBoth(PROGRAMS, steps));
  });

  it('reads the main log the same way', async () => {
    const steps: Step[] = [
      ...READY,
      { rpc: [['supervisor.clearLog', []]] },
      // Starting is logged the same way every time; stopping is not: supervisord says
      // "waiting for x to stop" only when its poll catches the process still stopping.
      { ctl: ['start', 'later'] },
      mainLogHolds('success: later'),
      { ctl: ['maintail'] },
      { ctl: ['maintail', '-30'] },
      { follow: ['maintail', '-f'], until: '(startsecs)\n' },
      {
        rpc: [
          ['supervisor.readLog', [-5, 3]],
          ['supervisor.readLog', [0, -1]],
        ],
      },
      { ctl: ['stop', 'talker'] },
      { ctl: ['clear', 'talker'] },
      { ctl: ['tail', 'talker'], differs: 'clear-stopped-process-logs' },
    ];
    expectSameTranscripts(await runOnBoth(PROGRAMS, steps));
  });

  it('applies the read and tail offset rules the same way', async () => {
    const steps: Step[] = [
      ...READY,
      {
        // Not by reading it: supervisord cannot answer that (see invalid-utf8-log).
        wait: 'the 12 bytes of binary to be in its log',
        until: async (daemon) => {
          const tail = await daemon.rpc.call('supervisor.tailProcessStdoutLog', ['binary', 0, 0]);
          return Array.isArray(tail) && tail[1] === 12;
        },
      },
      {
        rpc: [
          ['supervisor.readProcessStdoutLog', ['binary', 0, 0]],
          ['supervisor.readProcessStdoutLog', ['binary', 0, 4]],
          ['supervisor.tailProcessStdoutLog', ['binary', 0, 100]],
        ],
        differs: 'invalid-utf8-log',
      },
      { ctl: ['tail', 'binary'], differs: 'invalid-utf8-log' },
      {
        rpc: [
          ...windows('supervisor.readProcessStdoutLog', 'talker'),
          ...windows('supervisor.readProcessLog', 'talker'),
          ...windows('supervisor.readProcessStderrLog', 'talker'),
          ...windows('supervisor.tailProcessStdoutLog', 'talker'),
          ...windows('supervisor.tailProcessLog', 'talker'),
          ...windows('supervisor.tailProcessStderrLog', 'talker'),
          ['supervisor.readProcessStdoutLog', ['nolog', 0, 0]],
          ['supervisor.readProcessStderrLog', ['merged', 0, 0]],
          ['supervisor.tailProcessStdoutLog', ['nolog', 0, 10]],
          ['supervisor.tailProcessStderrLog', ['merged', 0, 10]],
          ['supervisor.readProcessStdoutLog', ['nope', 0, 0]],
          ['supervisor.tailProcessStdoutLog', ['nope', 0, 10]],
          ['supervisor.readProcessStdoutLog', ['talker:*', 0, 0]],
          ['supervisor.clearProcessLogs', ['nope']],
          ['supervisor.clearProcessLog', ['talker']],
          ['supervisor.readProcessStdoutLog', ['talker', 0, 0]],
          ['supervisor.clearAllProcessLogs', []],
          ['supervisor.getProcessInfo', ['nolog']],
          ['supervisor.getProcessInfo', ['merged']],
        ],
      },
    ];
    expectSameTranscripts(await runOnBoth(PROGRAMS, steps));
  });
});
