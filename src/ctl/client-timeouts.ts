// Which calls may take long: start and stop wait until the process got there (seconds, or
// stopwaitsecs), a rolling restart until each process of the group is back, so they get no deadline; every other call, the connection check included,
// gets one, so an unreachable or wedged server is an error, never a hang.

import type { RpcClient } from '../protocol/client.js';

export const QUICK_CALL_TIMEOUT_MS = 30_000;

export const isWaitingMethod = (method: string): boolean =>
  /^supervisor\.(start|stop)/.test(method) || method === 'tssupervisor.rollingRestart';

/** One client that sends each call through `waiting` or `quick` by its method. */
export const routeByMethod = (waiting: RpcClient, quick: RpcClient): RpcClient => ({
  endpoint: quick.endpoint,
  call: (method, params) => (isWaitingMethod(method) ? waiting : quick).call(method, params),
  close: () => {
    waiting.close();
    quick.close();
  },
});
