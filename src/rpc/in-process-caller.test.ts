import { describe, expect, it } from 'vitest';

import { testMethods } from '../../test/fakes/rpc-test-methods.js';
import { faultOf } from '../protocol/faults.js';
import { supervisorApi } from '../protocol/supervisor-api.js';
import { inProcessCaller } from './in-process-caller.js';
import { createRpcService } from './rpc-service.js';

const rpc = createRpcService({
  methods: testMethods(),
  isShuttingDown: () => false,
  logger: { log: () => undefined, isEnabled: () => false },
});
const caller = inProcessCaller(rpc.call, { signal: new AbortController().signal });

describe('inProcessCaller', () => {
  it('answers with the method value, which the typed API reads', async () => {
    expect(await caller.call('test.add', [2, 3])).toBe(5);
    expect(await supervisorApi(caller).getSupervisorVersion()).toBe('test-version');
  });

  it('rejects with the fault as a client over HTTP would see it', async () => {
    const error: unknown = await caller.call('test.badName', ['web']).catch((e: unknown) => e);
    expect(faultOf(error)).toEqual({ faultCode: 10, faultString: 'BAD_NAME: web' });
  });

  it('rethrows a handler crash as it is', async () => {
    await expect(caller.call('test.crash')).rejects.toThrow(new TypeError('boom'));
  });
});
