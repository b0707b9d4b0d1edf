// For the supervisor.* integration tests: a real daemon (startDaemon) plus an RPC client on its
// socket, and `attempt` to see a call's value or fault as data.

import { createNodeHttpClient } from '../../src/platform/node-http-client.js';
import { createRpcClient, type RpcClient } from '../../src/protocol/client.js';
import { RpcClientError } from '../../src/protocol/client-error.js';
import {
  isXmlRpcStruct,
  type XmlRpcStruct,
  type XmlRpcValue,
} from '../../src/protocol/xmlrpc/xmlrpc-value.js';
import {
  baseConfig,
  type DaemonOptions,
  type RunningDaemon,
  startDaemon,
} from '../helpers/daemon-harness.js';
import { waitFor } from '../helpers/wait-for.js';

export interface SupervisorUnderTest {
  readonly daemon: RunningDaemon;
  readonly rpc: RpcClient;
  /** a client of its own, e.g. for a call that must run beside a waiting one */
  client(): RpcClient;
  close(): void;
}

export type Attempt =
  | { readonly value: XmlRpcValue }
  | { readonly fault: string; readonly code: number }
  | { readonly http: number };

export const attempt = async (promise: Promise<XmlRpcValue>): Promise<Attempt> => {
  try {
    return { value: await promise };
  } catch (error) {
    if (error instanceof RpcClientError) {
      const { failure } = error;
      if (failure.kind === 'fault') {
        return { fault: failure.faultString, code: failure.faultCode };
      }
      if (failure.kind === 'http-status') {
        return { http: failure.status };
      }
    }
    throw error;
  }
};

export const struct = (value: XmlRpcValue): XmlRpcStruct => {
  if (!isXmlRpcStruct(value)) {
    throw new Error(`not a struct: ${JSON.stringify(value)}`);
  }
  return value;
};

/** `programs` go below the usual header (baseConfig). */
export const startSupervisor = (
  programs: string,
  options: DaemonOptions = {},
): Promise<SupervisorUnderTest> => startWithConfig(baseConfig(programs), options);

/** A whole config file of the test's own. */
export const startWithConfig = async (
  config: string,
  options: DaemonOptions = {},
): Promise<SupervisorUnderTest> => {
  const daemon = startDaemon(config, options);
  const clients: RpcClient[] = [];
  const client = (): RpcClient => {
    const c = createRpcClient({
      endpoint: { kind: 'unix', path: daemon.dir.join('supervisor.sock') },
      username: null,
      password: null,
      transport: createNodeHttpClient(),
    });
    clients.push(c);
    return c;
  };
  const rpc = client();
  await waitFor(() => rpc.call('system.listMethods').then(() => true), {
    what: `the daemon to answer\n${daemon.output()}`,
  });
  return { daemon, rpc, client, close: () => clients.forEach((c) => c.close()) };
};

/** Resolves once getProcessInfo(name).statename is `state`. */
export const waitForState = (rpc: RpcClient, name: string, state: string): Promise<true> =>
  waitFor(
    async () => struct(await rpc.call('supervisor.getProcessInfo', [name]))['statename'] === state,
    { what: `${name} to be ${state}` },
  );

/** A process's stdout log as the daemon reads it back. */
export const stdoutOf = async (rpc: RpcClient, name: string): Promise<string> => {
  const log = await rpc.call('supervisor.readProcessStdoutLog', [name, 0, 0]);
  return typeof log === 'string' ? log : '';
};
