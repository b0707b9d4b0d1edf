import { expect, it } from 'vitest';

import {
  fakeRpcClient,
  fault,
  httpStatus,
  ok,
  refused,
  socketMissing,
  type FakeReply,
} from '../../test/fakes/fake-rpc-client.js';
import { RpcClientError } from '../protocol/client-error.js';
import { supervisorApi } from '../protocol/supervisor-api.js';
import { NO_SUPERVISOR_NAMESPACE, upcheck } from './upcheck.js';

const check = (reply: FakeReply) =>
  upcheck(supervisorApi(fakeRpcClient({ getVersion: reply }).client), 'unix:///s.sock');

it.each<[FakeReply, unknown]>([
  [ok('3.0'), { ok: true }],
  [refused(), { ok: false, message: 'unix:///s.sock refused connection', exitStatus: 4 }],
  [socketMissing(), { ok: false, message: 'unix:///s.sock no such file', exitStatus: 7 }],
  [fault('UNKNOWN_METHOD'), { ok: false, message: NO_SUPERVISOR_NAMESPACE, exitStatus: 3 }],
  [
    ok('2.0'),
    {
      ok: false,
      message:
        'Sorry, this version of supervisorctl expects to talk to a server with API version 3.0, but the remote version is 2.0.',
      exitStatus: 5,
    },
  ],
])('%j → %j', async (reply, expected) => {
  expect(await check(reply)).toEqual(expected);
});

it('lets other failures through for the generic error line', async () => {
  await expect(check(fault('SHUTDOWN_STATE'))).rejects.toBeInstanceOf(RpcClientError);
  await expect(check(httpStatus(401, 'Unauthorized'))).rejects.toBeInstanceOf(RpcClientError);
});
