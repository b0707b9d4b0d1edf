// reload and shutdown through the real supervisorctl and XML-RPC against ours and supervisord
// 4.2.5: what is answered while the daemon shuts down (SHUTDOWN_STATE for supervisor.*, except
// sendRemoteCommEvent), and what supervisorctl says once it is gone.

import { describe, it } from 'vitest';

import { PROGRAMS as FIXTURES } from '../helpers/daemon-harness.js';
import { expectSameTranscripts, runOnBoth } from './compat-run.js';
import { type Step, waitForStates } from './compat-steps.js';

// stubborn ignores SIGTERM, so a shutdown lasts stopwaitsecs: the window in which the steps after
// it see SHUTDOWN_STATE. It must hold six supervisorctl runs, each a Python start-up that takes
// seconds on a loaded machine.
const programs = (stopwaitsecs: number): string => `
[program:sleeper]
command=sleep 1000
startsecs=0

[program:stubborn]
command=${process.execPath} ${FIXTURES}/ignore-sigterm.mjs
startsecs=0
stopwaitsecs=${stopwaitsecs}
`;

describe('reload and shutdown, against ours and supervisord', () => {
  it('reloads the same way', async () => {
    const steps: Step[] = [
      waitForStates('RUNNING', 'sleeper'),
      { ctl: ['stop', 'stubborn'] },
      { ctl: ['reload', 'now'] },
      { ctl: ['reload'] },
      waitForStates('RUNNING', 'sleeper', 'stubborn'),
      { ctl: ['status'] },
      { rpc: [['supervisor.getState', []]] },
    ];
    expectSameTranscripts(await runOnBoth(programs(6), steps));
  });

  it('answers SHUTDOWN_STATE while shutting down, then is gone', async () => {
    const steps: Step[] = [
      waitForStates('RUNNING', 'sleeper', 'stubborn'),
      { ctl: ['shutdown', 'now'] },
      {
        rpc: [
          ['supervisor.shutdown', []],
          ['supervisor.getState', []],
          ['supervisor.getPID', []],
          ['supervisor.getAPIVersion', []],
          ['supervisor.getAllProcessInfo', []],
          ['supervisor.startProcess', ['sleeper']],
          ['supervisor.readLog', [0, 0]],
          ['supervisor.reloadConfig', []],
          ['supervisor.sendRemoteCommEvent', ['type', 'data']],
          ['system.methodSignature', ['supervisor.getState']],
          ['system.multicall', [[{ methodName: 'supervisor.getState', params: [] }]]],
          ['supervisor.shutdown', []],
          ['supervisor.restart', []],
        ],
      },
      { ctl: ['status'] },
      { ctl: ['shutdown'] },
      { ctl: ['reload'] },
      { ctl: ['stop', 'all'] },
      { ctl: ['version'] },
      { act: 'wait for the daemon to exit', run: (daemon) => daemon.exited() },
      { ctl: ['status'] },
      { ctl: ['shutdown'] },
    ];
    expectSameTranscripts(await runOnBoth(programs(14), steps));
  });
});
