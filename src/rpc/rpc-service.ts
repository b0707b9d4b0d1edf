// Assembles the RPC service: the method families the composition root enables, plus system.*,
// into one registry and one dispatcher. This is where a new family is plugged in.

import type { DaemonLogger } from '../ports/logger.js';
import { createDispatcher, type CallMethod } from './dispatch.js';
import type { RpcMethod } from './method-definition.js';
import { createMethodRegistry, type MethodRegistry } from './method-registry.js';
import { systemMethods } from './methods/system.js';

export interface RpcServiceOptions {
  /** Method families (e.g. supervisor.* when [rpcinterface:supervisor] is configured). */
  readonly methods: readonly RpcMethod[];
  /** True while the daemon shuts down or restarts: supervisor.* then answers SHUTDOWN_STATE. */
  readonly isShuttingDown: () => boolean;
  readonly logger: DaemonLogger;
}

export interface RpcService {
  readonly registry: MethodRegistry;
  readonly call: CallMethod;
}

export const createRpcService = (options: RpcServiceOptions): RpcService => {
  // system.* needs the registry it belongs to and the dispatcher built from it; both are
  // reached through these closures only once a request arrives, after construction.
  const system = systemMethods({
    registry: () => registry,
    call: (methodName, params, ctx) => call(methodName, params, ctx),
  });
  const registry = createMethodRegistry([...system, ...options.methods]);
  const call = createDispatcher({
    registry,
    isShuttingDown: options.isShuttingDown,
    logger: options.logger,
  });
  return { registry, call };
};
