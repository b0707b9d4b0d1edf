// The real supervisorctl against ours and against supervisord 4.2.5: status, start, stop,
// restart, signal, pid, avail, version with single names, group:*, all, and bad names; output
// and exit codes must be identical.

import { describe, it } from 'vitest';

import { expectSameTranscripts, runOnBoth } from './compat-run.js';
import { type Step, waitForStates } from './compat-steps.js';

const PROGRAMS = `
[program:sleeper]
command=/bin/sh -c "trap '' HUP; exec sleep 1000"
startsecs=1

[group:grp]
programs=alpha,beta

[program:alpha]
command=sleep 1000
autostart=false
startsecs=0
priority=10

[program:beta]
command=sleep 1000
autostart=false
startsecs=0
priority=20

[program:multi]
command=sleep 1000
process_name=%(program_name)s_%(process_num)d
numprocs=2
autostart=false
startsecs=0
`;

const FAILING = `
[program:quick]
command=/bin/false
autostart=false
startretries=0

[program:nocmd]
command=/nonexistent/binary
autostart=false

[program:notexec]
command=/etc/hostname
autostart=false

[program:sleeper]
command=sleep 1000
autostart=false
startsecs=0

[program:late]
command=/bin/sh -c "sleep 0.3; exit 1"
autostart=false
startretries=0
`;

describe('supervisorctl against ours and supervisord', () => {
  it('controls processes, groups and all the same way', async () => {
    const steps: Step[] = [
      waitForStates('RUNNING', 'sleeper'),
      { ctl: ['status'] },
      { ctl: ['status', 'sleeper'] },
      { ctl: ['status', 'nope'] },
      { ctl: ['status', 'grp:*'] },
      { ctl: ['status', 'grp:alpha', 'nope', 'multi:multi_1'] },
      { ctl: ['start'] },
      { ctl: ['start', 'grp:*'] },
      { ctl: ['start', 'grp:*'] },
      { ctl: ['start', 'grp:alpha'] },
      { ctl: ['start', 'sleeper', 'nope'] },
      { ctl: ['stop', 'grp:alpha'] },
      { ctl: ['stop', 'grp:alpha'] },
      { ctl: ['start', 'multi:*', 'grp:alpha'] },
      { ctl: ['status'] },
      { ctl: ['signal', 'HUP', 'sleeper'] },
      { ctl: ['signal', 'BOGUS', 'sleeper'] },
      { ctl: ['signal', 'CONT', 'grp:*'] },
      { ctl: ['signal', 'CONT', 'all'] },
      { ctl: ['signal', 'CONT', 'nope'] },
      { ctl: ['signal', 'HUP'] },
      { ctl: ['pid'], pids: true },
      { ctl: ['pid', 'sleeper'], pids: true },
      { ctl: ['pid', 'all'], pids: true },
      { ctl: ['pid', 'nope'] },
      { ctl: ['restart', 'sleeper'] },
      { ctl: ['restart', 'grp:*'], differs: 'group-result-order' },
      { ctl: ['stop', 'multi:*'], differs: 'group-result-order' },
      { ctl: ['stop', 'all'], differs: 'group-result-order' },
      { ctl: ['stop', 'all'], differs: 'group-result-order' },
      { ctl: ['status'] },
      { ctl: ['start', 'all'] },
      { ctl: ['status'] },
      { ctl: ['avail'] },
      { ctl: ['version'] },
      { ctl: ['stop', 'nope'] },
      { ctl: ['stop', 'nope:*'] },
      { ctl: ['restart', 'all'], differs: 'group-result-order' },
      { ctl: ['status', 'all'] },
    ];
    expectSameTranscripts(await runOnBoth(PROGRAMS, steps));
  });

  it('reports start failures the same way', async () => {
    const steps: Step[] = [
      { ctl: ['start', 'quick'] },
      waitForStates('FATAL', 'quick'),
      { ctl: ['status', 'quick'] },
      { ctl: ['start', 'nocmd'] },
      { ctl: ['start', 'notexec'] },
      { ctl: ['status'] },
      // Within its first one-second backoff, so BACKOFF (or a retry's STARTING): stopped either way.
      { ctl: ['stop', 'notexec'] },
      { ctl: ['stop', 'quick'] },
      { ctl: ['start', 'sleeper', 'nocmd'] },
      { ctl: ['stop', 'sleeper'] },
      { ctl: ['start', 'late'] },
      waitForStates('FATAL', 'late'),
      { ctl: ['status', 'late'] },
      // /bin/false dies at once: whether supervisord reports it before or after the processes
      // that start fine is a race in supervisord itself, so `quick` sits this one out. So does
      // notexec: each of its retries spends a few ms in STARTING on both daemons, and a status
      // can catch one.
      { ctl: ['remove', 'quick'] },
      { ctl: ['remove', 'notexec'] },
      { ctl: ['start', 'all'] },
      waitForStates('FATAL', 'late'),
      { ctl: ['status'] },
    ];
    expectSameTranscripts(await runOnBoth(FAILING, steps));
  });
});
