import { describe, expect, it } from 'vitest';

import { fakeRpcClient, fault, ok } from '../../../../test/fakes/fake-rpc-client.js';
import { statusStruct } from '../../../../test/fakes/supervisor-answers.js';
import { supervisorApi } from '../../../protocol/supervisor-api.js';
import {
  confirmQuestion,
  processActions,
  runGroupAction,
  runProcessAction,
} from './live-actions.js';

describe('live UI actions', () => {
  it('offer start to a stopped process, stop and restart to a running one, clear to all', () => {
    expect(processActions('STOPPED')).toEqual(['start', 'clear']);
    expect(processActions('FATAL')).toEqual(['start', 'clear']);
    expect(processActions('RUNNING')).toEqual(['stop', 'restart', 'clear']);
    expect(processActions('BACKOFF')).toEqual(['stop', 'restart', 'clear']);
    expect(processActions('STOPPING')).toEqual(['clear']);
  });

  it('ask before anything but a start', () => {
    expect(confirmQuestion('start', { kind: 'process', namespec: 'web' })).toBeNull();
    expect(confirmQuestion('stop', { kind: 'process', namespec: 'web' })).toBe('Stop web?');
    expect(confirmQuestion('restart', { kind: 'group', group: 'pool' })).toBe(
      'Restart every process of group pool?',
    );
    expect(confirmQuestion('clear', { kind: 'process', namespec: 'a:b' })).toBe(
      'Clear the logs of a:b?',
    );
    expect(confirmQuestion('stop', { kind: 'all' })).toBe('Stop every process?');
  });

  it('restart a process by stopping then starting it; one not running is just started', async () => {
    const rpc = fakeRpcClient({ stopProcess: ok(true), startProcess: ok(true) });
    const api = supervisorApi(rpc.client);
    expect(await runProcessAction(api, 'restart', 'web')).toBe('web: restarted');
    rpc.answer('stopProcess', fault('NOT_RUNNING'));
    expect(await runProcessAction(api, 'restart', 'web')).toBe('web: restarted');
    expect(rpc.methods()).toEqual(['stopProcess', 'startProcess', 'stopProcess', 'startProcess']);
  });

  it("word a fault as the daemon's fault string", async () => {
    const rpc = fakeRpcClient({ startProcess: fault('ALREADY_STARTED', 'web') });
    expect(await runProcessAction(supervisorApi(rpc.client), 'start', 'web')).toBe(
      'web: ERROR (ALREADY_STARTED: web)',
    );
  });

  it('act on a group or everything, one line per process', async () => {
    const rpc = fakeRpcClient({
      stopProcessGroup: ok([
        statusStruct('pool', 'a', 'SUCCESS'),
        statusStruct('pool', 'b', 'SUCCESS'),
      ]),
      startProcessGroup: ok([
        statusStruct('pool', 'a', 'SUCCESS'),
        statusStruct('pool', 'b', 'SPAWN_ERROR'),
      ]),
      stopAllProcesses: ok([]),
    });
    const api = supervisorApi(rpc.client);
    expect(await runGroupAction(api, 'restart', { kind: 'group', group: 'pool' })).toBe(
      'pool:a: stopped\npool:b: stopped\npool:a: started\npool:b: ERROR (spawn error)',
    );
    expect(await runGroupAction(api, 'stop', { kind: 'all' })).toBe(
      'every process: nothing to stop',
    );
    expect(rpc.calls.map((c) => [c.method, c.params[0]])).toEqual([
      ['supervisor.stopProcessGroup', 'pool'],
      ['supervisor.startProcessGroup', 'pool'],
      ['supervisor.stopAllProcesses', undefined],
    ]);
  });
});
