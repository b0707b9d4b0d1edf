// Every supervisor.* and system.* method over raw XML-RPC (Python's xmlrpc.client through
// supervisor's SupervisorTransport) against ours and supervisord 4.2.5: values, struct keys,
// fault codes and fault strings, wait semantics, group specs, types and arity.

import { describe, it } from 'vitest';

import { RpcClientError } from '../../src/protocol/client-error.js';
import { PROGRAMS as FIXTURES } from '../helpers/daemon-harness.js';
import { expectSameTranscripts, runOnBoth } from './compat-run.js';
import { type RpcCall, type Step, waitForStates } from './compat-steps.js';

const PROGRAMS = `
[program:sleeper]
command=sleep 1000
startsecs=0

[program:slow]
command=sleep 1000
autostart=false
startsecs=1

[program:dies]
command=/bin/sh -c "sleep 0.3; exit 2"
autostart=false
startsecs=2
startretries=0

[program:quick]
command=/bin/false
autostart=false
startretries=0

[program:nocmd]
command=/nonexistent/binary
autostart=false

[program:echo]
command=cat
startsecs=0

[program:closed]
command=/bin/sh -c "exec 0<&-; exec sleep 1000"
startsecs=0

[group:pair]
programs=left,right

[program:left]
command=sleep 1000
autostart=false
startsecs=0

[program:right]
command=sleep 1000
autostart=false
startsecs=0

[program:stubborn]
command=${process.execPath} ${FIXTURES}/ignore-sigterm.mjs
autostart=false
startsecs=0
stopwaitsecs=1
`;

const ALL_METHODS = [
  'supervisor.addProcessGroup',
  'supervisor.clearAllProcessLogs',
  'supervisor.clearLog',
  'supervisor.clearProcessLog',
  'supervisor.clearProcessLogs',
  'supervisor.getAPIVersion',
  'supervisor.getAllConfigInfo',
  'supervisor.getAllProcessInfo',
  'supervisor.getIdentification',
  'supervisor.getPID',
  'supervisor.getProcessInfo',
  'supervisor.getState',
  'supervisor.getSupervisorVersion',
  'supervisor.getVersion',
  'supervisor.readLog',
  'supervisor.readMainLog',
  'supervisor.readProcessLog',
  'supervisor.readProcessStderrLog',
  'supervisor.readProcessStdoutLog',
  'supervisor.reloadConfig',
  'supervisor.removeProcessGroup',
  'supervisor.restart',
  'supervisor.sendProcessStdin',
  'supervisor.sendRemoteCommEvent',
  'supervisor.shutdown',
  'supervisor.signalAllProcesses',
  'supervisor.signalProcess',
  'supervisor.signalProcessGroup',
  'supervisor.startAllProcesses',
  'supervisor.startProcess',
  'supervisor.startProcessGroup',
  'supervisor.stopAllProcesses',
  'supervisor.stopProcess',
  'supervisor.stopProcessGroup',
  'supervisor.tailProcessLog',
  'supervisor.tailProcessStderrLog',
  'supervisor.tailProcessStdoutLog',
  'system.listMethods',
  'system.methodHelp',
  'system.methodSignature',
  'system.multicall',
];

const info = (name: string): RpcCall => ['supervisor.getProcessInfo', [name]];

describe('raw XML-RPC against ours and supervisord', () => {
  it('introspects and reports the daemon the same way', async () => {
    const steps: Step[] = [
      { rpc: [['system.listMethods', []]], differs: 'tssupervisor-namespace' },
      {
        rpc: [
          ...ALL_METHODS.map((m): RpcCall => ['system.methodSignature', [m]]),
          ['system.methodSignature', ['supervisor.nope']],
          ['system.methodHelp', ['supervisor.nope']],
          ['supervisor.getAPIVersion', []],
          ['supervisor.getVersion', []],
          ['supervisor.getSupervisorVersion', []],
          ['supervisor.getIdentification', []],
          ['supervisor.getState', []],
          ['supervisor.getPID', []],
          ['supervisor.nope', []],
          ['supervisor._update', ['x']],
          ['nodots', []],
          ['supervisor.getState', [1]],
          ['supervisor.getProcessInfo', []],
          ['supervisor.readLog', [0]],
        ],
      },
      {
        rpc: [
          ['supervisor.startProcess', ['sleeper', 'yes']],
          ['supervisor.readLog', ['0', '0']],
          ['supervisor.getProcessInfo', [7]],
        ],
        differs: 'param-type-checks',
      },
      {
        label: 'system.methodHelp of every method',
        rpc: ALL_METHODS.map((m): RpcCall => ['system.methodHelp', [m]]),
        differs: 'method-help-text',
      },
    ];
    expectSameTranscripts(await runOnBoth(PROGRAMS, steps));
  });

  it('starts, stops and signals with the same answers', async () => {
    const steps: Step[] = [
      waitForStates('RUNNING', 'sleeper', 'echo', 'closed'),
      {
        rpc: [
          info('sleeper'),
          info('slow'),
          info('nope'),
          info('pair:*'),
          info('pair:'),
          info('pair:left'),
          info('sleeper:sleeper'),
          ['supervisor.startProcess', ['slow']],
          info('slow'),
          ['supervisor.startProcess', ['slow']],
          ['supervisor.startProcess', ['slow:slow']],
          ['supervisor.stopProcess', ['slow', false]],
          ['supervisor.startProcess', ['nocmd']],
          info('nocmd'),
          ['supervisor.startProcess', ['quick']],
          ['supervisor.startProcess', ['dies']],
          info('dies'),
          ['supervisor.startProcess', ['nope']],
          ['supervisor.startProcess', ['pair:*']],
          ['supervisor.startProcess', ['pair:*']],
          ['supervisor.stopProcess', ['pair:']],
          ['supervisor.startProcessGroup', ['pair', false]],
          ['supervisor.startProcessGroup', ['nope']],
        ],
      },
      { rpc: [['supervisor.stopProcessGroup', ['pair']]], differs: 'group-result-order' },
      {
        rpc: [
          ['supervisor.stopProcessGroup', ['pair']],
          ['supervisor.stopProcess', ['pair:left']],
          ['supervisor.stopProcess', ['nope']],
          ['supervisor.signalProcess', ['sleeper', 'CONT']],
          ['supervisor.signalProcess', ['sleeper', 18]],
          ['supervisor.signalProcess', ['sleeper', '18']],
          ['supervisor.signalProcess', ['sleeper', 'sigcont']],
          ['supervisor.signalProcess', ['sleeper', '0']],
          ['supervisor.signalProcess', ['sleeper', 'BOGUS']],
          ['supervisor.signalProcess', ['sleeper', 99]],
          ['supervisor.signalProcess', ['slow', 'CONT']],
          ['supervisor.signalProcess', ['slow', 'BOGUS']],
          ['supervisor.signalProcess', ['nope', 'CONT']],
          ['supervisor.signalProcess', ['pair:*', 'CONT']],
          ['supervisor.signalProcessGroup', ['pair', 'CONT']],
          ['supervisor.signalProcessGroup', ['nope', 'CONT']],
        ],
      },
      { rpc: [['supervisor.startProcessGroup', ['pair']]], differs: 'group-result-order' },
      {
        rpc: [
          ['supervisor.signalProcessGroup', ['pair', 'BOGUS']],
          ['supervisor.signalAllProcesses', ['CONT']],
          ['supervisor.signalAllProcesses', ['BOGUS']],
          ['supervisor.stopProcessGroup', ['pair', false]],
        ],
      },
      waitForStates('STOPPED', 'pair:left', 'pair:right'),
      waitForStates('FATAL', 'quick', 'dies'),
      {
        rpc: [
          info('quick'),
          info('dies'),
          info('pair:left'),
          ['supervisor.getAllProcessInfo', []],
          ['supervisor.startProcess', ['stubborn']],
          ['supervisor.stopProcess', ['stubborn']],
          info('stubborn'),
          // /bin/false may be dead before supervisord looks (SPAWN_ERROR) or not (OK): a race
          // in supervisord, so it leaves before the all-process calls.
          ['supervisor.removeProcessGroup', ['quick']],
          ['supervisor.startAllProcesses', [false]],
        ],
      },
      waitForStates('RUNNING', 'slow', 'pair:left', 'pair:right', 'stubborn'),
      waitForStates('FATAL', 'dies'),
      { rpc: [['supervisor.stopAllProcesses', []]], differs: 'group-result-order' },
      {
        rpc: [
          ['supervisor.stopAllProcesses', []],
          ['supervisor.getAllProcessInfo', []],
        ],
      },
    ];
    expectSameTranscripts(await runOnBoth(PROGRAMS, steps));
  });

  it('sends stdin and remote events, and runs multicalls, the same way', async () => {
    const steps: Step[] = [
      waitForStates('RUNNING', 'sleeper', 'echo', 'closed'),
      {
        rpc: [
          ['supervisor.sendProcessStdin', ['echo', 'héllo ✓\n']],
          ['supervisor.sendProcessStdin', ['echo', { $binary: 'binary ✓\n' }]],
          ['supervisor.sendProcessStdin', ['echo', '']],
          ['supervisor.sendProcessStdin', ['echo', 5]],
          ['supervisor.sendProcessStdin', ['echo', true]],
          ['supervisor.sendProcessStdin', ['echo', { $double: 1.5 }]],
          ['supervisor.sendProcessStdin', ['nope', 'x']],
          ['supervisor.sendProcessStdin', ['echo:*', 'x']],
          ['supervisor.sendProcessStdin', ['slow', 'x']],
          ['supervisor.sendRemoteCommEvent', ['type', 'data']],
          ['supervisor.sendRemoteCommEvent', [{ $binary: 'tÿpe' }, { $binary: 'dåta' }]],
          [
            'system.multicall',
            [
              [
                { methodName: 'supervisor.getState', params: [] },
                { methodName: 'supervisor.getProcessInfo', params: ['nope'] },
                { methodName: 'supervisor.startProcess', params: ['slow'] },
                { methodName: 'supervisor.stopProcess', params: ['slow'] },
                { methodName: 'system.multicall', params: [[]] },
                { params: [] },
                { methodName: 'supervisor.nope' },
                { methodName: 'supervisor.getAPIVersion' },
              ],
            ],
          ],
        ],
      },
      {
        wait: 'echo to have written its stdin back',
        until: async (daemon) => {
          const log = await daemon.rpc.call('supervisor.readProcessStdoutLog', ['echo', 0, 0]);
          return typeof log === 'string' && log.includes('binary');
        },
      },
      { rpc: [['supervisor.readProcessStdoutLog', ['echo', 0, 0]]] },
      {
        rpc: [['supervisor.sendProcessStdin', ['echo', [1, 'a']]]],
        differs: 'stdin-fault-repr',
      },
      {
        // `closed` shut its stdin. supervisord notices on a pass of its loop, we on the first
        // write (which is then lost): either way, NO_FILE from then on.
        wait: 'stdin of closed to be known closed',
        until: async (daemon) => {
          try {
            await daemon.rpc.call('supervisor.sendProcessStdin', ['closed', 'probe\n']);
            return false;
          } catch (error) {
            return error instanceof RpcClientError && error.failure.kind === 'fault';
          }
        },
      },
      { rpc: [['supervisor.sendProcessStdin', ['closed', 'x']]] },
    ];
    expectSameTranscripts(await runOnBoth(PROGRAMS, steps));
  });
});
