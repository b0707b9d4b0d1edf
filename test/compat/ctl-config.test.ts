// Config changes through the real supervisorctl against ours and supervisord 4.2.5: reread,
// update, add, remove, avail, a config that no longer parses; and reloadConfig,
// addProcessGroup, removeProcessGroup and getAllConfigInfo over raw XML-RPC.

import { describe, it } from 'vitest';

import { expectSameTranscripts, runOnBoth } from './compat-run.js';
import { type Step, waitForStates } from './compat-steps.js';

const BEFORE = `
[program:keep]
command=sleep 1000
startsecs=0

[program:change]
command=sleep 1000
startsecs=0

[program:gone]
command=sleep 1000
startsecs=0

[program:idle]
command=sleep 1000
autostart=false
`;

const AFTER = `
[program:keep]
command=sleep 1000
startsecs=0

[program:change]
command=sleep 999
startsecs=0

[program:idle]
command=sleep 1000
autostart=false

[program:fresh]
command=sleep 1000
startsecs=0
stdout_logfile=%(here)s/fresh.log
stderr_logfile=NONE
priority=5

[group:team]
programs=one,two
priority=7

[program:one]
command=sleep 1000
startsecs=0

[program:two]
command=sleep 1000
startsecs=0
autostart=false
redirect_stderr=true
user=root
directory=/tmp
exitcodes=0,3
stopsignal=INT
serverurl=unix:///tmp/elsewhere.sock
`;

const BROKEN = `${AFTER}
[program:bad]
autostart=false
`;

describe('config changes through supervisorctl and XML-RPC, against ours and supervisord', () => {
  it('rereads, updates, adds and removes groups the same way', async () => {
    const steps: Step[] = [
      waitForStates('RUNNING', 'keep', 'change', 'gone'),
      { ctl: ['avail'] },
      { rpc: [['supervisor.reloadConfig', []]] },
      { ctl: ['reread'] },
      { rpc: [['supervisor.getAllConfigInfo', []]] },
      { config: AFTER },
      { ctl: ['reread'] },
      { ctl: ['reread'] },
      { rpc: [['supervisor.reloadConfig', []]] },
      { ctl: ['avail'] },
      { rpc: [['supervisor.getAllConfigInfo', []]] },
      { ctl: ['add', 'fresh'] },
      { ctl: ['add', 'fresh'] },
      { ctl: ['add', 'nope'] },
      { ctl: ['remove', 'gone'] },
      { ctl: ['stop', 'gone'] },
      { ctl: ['remove', 'gone'] },
      { ctl: ['remove', 'gone'] },
      waitForStates('RUNNING', 'fresh'),
      { ctl: ['status'] },
      { ctl: ['update'] },
      waitForStates('RUNNING', 'change', 'team:one'),
      { ctl: ['status'] },
      { ctl: ['avail'] },
      { rpc: [['supervisor.getAllConfigInfo', []]] },
      { ctl: ['reread'] },
      { config: BEFORE },
      { ctl: ['update', 'team', 'gone'] },
      { ctl: ['status'] },
      { ctl: ['update', 'all'] },
      waitForStates('RUNNING', 'gone', 'change'),
      { ctl: ['status'] },
    ];
    expectSameTranscripts(await runOnBoth(BEFORE, steps));
  });

  it('refuses a config that does not parse the same way', async () => {
    const steps: Step[] = [
      waitForStates('RUNNING', 'keep'),
      { config: BROKEN },
      { ctl: ['reread'] },
      { ctl: ['update'] },
      { rpc: [['supervisor.reloadConfig', []]] },
      { ctl: ['avail'] },
      { ctl: ['status'] },
    ];
    expectSameTranscripts(await runOnBoth(BEFORE, steps));
  });

  it('differs only where listed when log files switch between AUTO and a path', async () => {
    const withPath = BEFORE.replace(
      '[program:keep]\n',
      '[program:keep]\nstdout_logfile=%(here)s/keep.log\n',
    );
    const steps: Step[] = [
      waitForStates('RUNNING', 'keep'),
      { config: withPath },
      { ctl: ['update'] },
      waitForStates('RUNNING', 'keep'),
      { config: BEFORE },
      { ctl: ['reread'], differs: 'path-to-auto-logfile' },
    ];
    expectSameTranscripts(await runOnBoth(BEFORE, steps));
  });

  it('answers the group methods the same way', async () => {
    const steps: Step[] = [
      waitForStates('RUNNING', 'keep'),
      { config: AFTER },
      {
        rpc: [
          ['supervisor.addProcessGroup', ['team']],
          ['supervisor.addProcessGroup', ['team']],
          ['supervisor.addProcessGroup', ['gone']],
          ['supervisor.addProcessGroup', ['']],
          ['supervisor.removeProcessGroup', ['nope']],
          ['supervisor.removeProcessGroup', ['keep']],
          ['supervisor.removeProcessGroup', ['idle']],
          ['supervisor.reloadConfig', []],
          ['supervisor.addProcessGroup', ['team']],
          ['supervisor.addProcessGroup', ['idle']],
          ['supervisor.removeProcessGroup', ['idle']],
          ['supervisor.addProcessGroup', ['idle']],
          ['supervisor.addProcessGroup', ['fresh']],
          ['supervisor.getAllConfigInfo', []],
        ],
      },
    ];
    expectSameTranscripts(await runOnBoth(BEFORE, steps));
  });
});
