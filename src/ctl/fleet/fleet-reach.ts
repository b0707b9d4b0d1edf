// A session's fleet: one client per host (made on first use, kept for the session), and the
// connection check on a host, ending up or down with supervisorctl's message and exit status
// for that failure.

import { RpcClientError } from '../../protocol/client-error.js';
import type { RpcClient } from '../../protocol/client.js';
import { supervisorApi, type SupervisorApi } from '../../protocol/supervisor-api.js';
import { tssupervisorApi, type TssupervisorApi } from '../../protocol/tssupervisor-api.js';
import { describeFailure } from '../../client-text/failure-text.js';
import type { CtlDeps } from '../deps.js';
import { EXIT } from '../exit-codes.js';
import { upcheck } from '../upcheck.js';
import type { FleetHost } from './fleet-hosts.js';

export interface HostUp {
  readonly kind: 'up';
  readonly host: FleetHost;
  readonly api: SupervisorApi;
  readonly ours: TssupervisorApi;
}

export interface HostDown {
  readonly kind: 'down';
  readonly host: FleetHost;
  /** e.g. `unix:///run/web2.sock refused connection` */
  readonly message: string;
  readonly exitStatus: number;
}

export type HostReach = HostUp | HostDown;

export interface Fleet {
  readonly hosts: readonly FleetHost[];
  /** The connection check on one host (callers check several at once). */
  reach(host: FleetHost): Promise<HostReach>;
  close(): void;
}

/** A host that failed a call: the message names its server as configured. */
export const hostDown = (host: FleetHost, error: unknown): HostDown => ({
  kind: 'down',
  host,
  message:
    error instanceof RpcClientError
      ? describeFailure(error.failure, host.target.serverUrl)
      : error instanceof Error
        ? error.message
        : String(error),
  exitStatus: EXIT.GENERIC,
});

export const createFleet = (hosts: readonly FleetHost[], connect: CtlDeps['connect']): Fleet => {
  const clients = new Map<string, RpcClient>();

  const reachOne = async (host: FleetHost): Promise<HostReach> => {
    let client = clients.get(host.name);
    if (client === undefined) {
      const connected = connect(host.target);
      if (!connected.ok) {
        return { kind: 'down', host, message: connected.message, exitStatus: EXIT.GENERIC };
      }
      client = connected.client;
      clients.set(host.name, client);
    }
    const api = supervisorApi(client);
    try {
      const outcome = await upcheck(api, host.target.serverUrl);
      return outcome.ok
        ? { kind: 'up', host, api, ours: tssupervisorApi(client) }
        : { kind: 'down', host, message: outcome.message, exitStatus: outcome.exitStatus };
    } catch (error) {
      return hostDown(host, error);
    }
  };

  return {
    hosts,
    reach: reachOne,
    close: () => {
      for (const client of clients.values()) {
        client.close();
      }
      clients.clear();
    },
  };
};
