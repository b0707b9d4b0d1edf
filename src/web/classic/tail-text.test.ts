import { describe, expect, it } from 'vitest';

import { fakeRpcClient, fault, ok } from '../../../test/fakes/fake-rpc-client.js';
import { supervisorApi } from '../../protocol/supervisor-api.js';
import { readTailText } from './tail-text.js';

describe('readTailText', () => {
  it('reads the last `limit` bytes of stdout', async () => {
    const rpc = fakeRpcClient({ readProcessStdoutLog: ok('the end\n') });
    expect(await readTailText(supervisorApi(rpc.client), 'web', 2048)).toBe('the end\n');
    expect(rpc.calls).toEqual([
      { method: 'supervisor.readProcessStdoutLog', params: ['web', -2048, 0] },
    ]);
  });

  it('words what went wrong as supervisord does', async () => {
    const api = (name: 'NO_FILE' | 'BAD_NAME') =>
      supervisorApi(fakeRpcClient({ readProcessStdoutLog: fault(name, 'web') }).client);
    expect(await readTailText(api('NO_FILE'), 'web', 1024)).toBe('No file for web');
    expect(await readTailText(api('BAD_NAME'), 'web', 1024)).toBe(
      'ERROR: unexpected rpc fault [10] BAD_NAME: web',
    );
    expect(await readTailText(api('BAD_NAME'), null, 1024)).toBe('No process name found');
  });
});
