import { expect, it } from 'vitest';

import { fakeRpcClient, ok } from '../../test/fakes/fake-rpc-client.js';
import { isWaitingMethod, routeByMethod } from './client-timeouts.js';

it('gives start and stop calls no deadline, everything else one', async () => {
  const waiting = fakeRpcClient({ startProcess: ok(true), stopProcessGroup: ok([]) });
  const quick = fakeRpcClient({ getVersion: ok('3.0') });
  const client = routeByMethod(waiting.client, quick.client);
  await client.call('supervisor.startProcess', ['a']);
  await client.call('supervisor.stopProcessGroup', ['g']);
  await client.call('supervisor.getVersion');
  expect(waiting.methods()).toEqual(['startProcess', 'stopProcessGroup']);
  expect(quick.methods()).toEqual(['getVersion']);
  expect(isWaitingMethod('supervisor.startAllProcesses')).toBe(true);
  expect(isWaitingMethod('supervisor.signalProcess')).toBe(false);
});
