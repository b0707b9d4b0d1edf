// supervisord's classic web pages against ours and supervisord 4.2.5: the same URLs (actions as
// GET links and as a POSTed form) get the same status and the same redirect, message included,
// and leave the processes in the same states.

import { describe, it } from 'vitest';

import { PROGRAMS as FIXTURES } from '../helpers/daemon-harness.js';
import { expectSameTranscripts, runOnBoth } from './compat-run.js';
import { type Step, waitForStates } from './compat-steps.js';

const PROGRAMS = `
[program:sleeper]
command=sleep 1000
startsecs=0

[program:stubborn]
command=${process.execPath} ${FIXTURES}/ignore-sigterm.mjs
startsecs=0
stopwaitsecs=1

[group:pool]
programs=stubborn

[program:crash]
command=sh -c 'exit 3'
startretries=0

[program:notexec]
command=/etc/passwd
autostart=false
`;

/** stubborn ignores SIGTERM only once it has said so: stop it before and node dies of it. */
const stubbornListening: Step = {
  wait: 'stubborn to ignore SIGTERM',
  until: async (daemon) => {
    const log = await daemon.rpc.call('supervisor.readProcessStdoutLog', ['pool:stubborn', 0, 0]);
    return typeof log === 'string' && log.includes('started');
  },
};

const action = (query: string): Step => ({ web: `/index.html?${query}` });

describe('the classic web pages, against ours and supervisord', () => {
  it('answer the same URLs with the same redirects and effects', async () => {
    const steps: Step[] = [
      waitForStates('RUNNING', 'sleeper', 'pool:stubborn'),
      waitForStates('FATAL', 'crash'),
      stubbornListening,
      { web: '/' },
      { web: '/index.html?message=hello' },
      { web: '/tail.html?processname=sleeper' },
      { web: '/tail.html?processname=nope' },
      action('action=refresh'),
      action('processname=sleeper&action=stop'),
      action('processname=sleeper&action=start'),
      action('processname=sleeper&action=start'),
      action('processname=sleeper&action=restart'),
      action('processname=sleeper&action=clearlog'),
      action('processname=nope&action=stop'),
      action('processname=pool&action=stop'),
      action('processname=pool:*&action=stop'),
      action('processname=notexec&action=start'),
      action('processname=crash&action=stop'),
      action('processname=crash&action=start'),
      action('processname=notexec&action=restart'),
      action('processname=pool:stubborn&action=stop'),
      action('processname=pool:stubborn&action=restart'),
      { web: '/index.html', form: 'processname=sleeper&action=stop' },
      { web: '/index.html?action=refresh', form: 'processname=sleeper&action=start' },
      { web: '//index.html?action=stopall' },
      { rpc: [['supervisor.getAllProcessInfo', []]] },
      { web: '/?action=restartall' },
      waitForStates('RUNNING', 'sleeper', 'pool:stubborn'),
      { rpc: [['supervisor.getAllProcessInfo', []]] },
      { web: '/?action=explode', differs: 'web-bad-action-status' },
      { web: '/?action=stop', differs: 'web-bad-action-status' },
    ];
    expectSameTranscripts(await runOnBoth(PROGRAMS, steps));
  });
});
