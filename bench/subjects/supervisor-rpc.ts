// The one XML-RPC client the bench uses for both tssupervisord and supervisord: our
// src/protocol/client over the unix socket, so both daemons are timed through the same code.

import { createNodeHttpClient } from '../../src/platform/node-http-client.js';
import { createRpcClient, type RpcClient } from '../../src/protocol/client.js';
import { parseServerUrl } from '../../src/protocol/server-url.js';
import type { XmlRpcValue } from '../../src/protocol/xmlrpc/xmlrpc-value.js';
import { waitFor } from '../clock.js';
import type { ProcessCounts } from './subject.js';
import { Unsupported } from './subject.js';

export interface SupervisorRpc {
  readonly client: RpcClient;
  /** true when the daemon serves `method` (system.listMethods) */
  has(method: string): boolean;
  require(method: string): void;
}

export const connectRpc = async (socket: string, timeoutMs: number): Promise<SupervisorRpc> => {
  const parsed = parseServerUrl(`unix://${socket}`);
  if (!parsed.ok) {
    throw new Error(parsed.message);
  }
  const client = createRpcClient({
    endpoint: parsed.endpoint,
    username: null,
    password: null,
    transport: createNodeHttpClient(),
  });
  const methods = await waitFor(
    `the RPC socket ${socket}`,
    async () => {
      try {
        const list = await client.call('system.listMethods');
        return Array.isArray(list) ? list.map(String) : [];
      } catch {
        return null;
      }
    },
    timeoutMs,
    20,
  );
  const has = (method: string): boolean => methods.includes(method);
  return {
    client,
    has,
    require: (method) => {
      if (!has(method)) {
        throw new Unsupported(`${method} is not served (yet)`);
      }
    },
  };
};

const stateNameOf = (info: XmlRpcValue): string => {
  if (typeof info !== 'object' || Array.isArray(info) || !('statename' in info)) {
    return '?';
  }
  const name = info['statename'];
  return typeof name === 'string' ? name : '?';
};

export const countStates = (infos: XmlRpcValue): ProcessCounts => {
  if (!Array.isArray(infos)) {
    throw new Error('getAllProcessInfo did not return an array');
  }
  const states = (infos as readonly XmlRpcValue[]).map(stateNameOf);
  return {
    total: states.length,
    running: states.filter((s) => s === 'RUNNING').length,
    stopped: states.filter((s) => s === 'STOPPED' || s === 'EXITED').length,
  };
};
