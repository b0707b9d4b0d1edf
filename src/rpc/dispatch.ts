// Calling a method by name: lookup (UNKNOWN_METHOD), arity and types (INCORRECT_PARAMETERS),
// the shutdown guard (SHUTDOWN_STATE), then the handler. A throw is a crash, not a fault: the
// HTTP layer answers 500 and system.multicall reports FAILED.

import { FAULT_CODES, faultString, type Fault } from '../model/faults.js';
import type { DaemonLogger } from '../ports/logger.js';
import { isFault, type MethodContext } from './method-definition.js';
import type { MethodRegistry } from './method-registry.js';
import type { XmlRpcStruct, XmlRpcValue } from '../protocol/xmlrpc/xmlrpc-value.js';

export type CallOutcome =
  | { readonly kind: 'value'; readonly value: XmlRpcValue }
  | { readonly kind: 'fault'; readonly fault: Fault }
  | { readonly kind: 'crash'; readonly error: unknown };

export type CallMethod = (
  methodName: string,
  params: readonly XmlRpcValue[],
  ctx: MethodContext,
) => Promise<CallOutcome>;

export interface DispatchOptions {
  readonly registry: MethodRegistry;
  /** From the composition root: true once the daemon is shutting down or restarting. */
  readonly isShuttingDown: () => boolean;
  readonly logger: DaemonLogger;
}

export const createDispatcher =
  ({ registry, isShuttingDown, logger }: DispatchOptions): CallMethod =>
  async (methodName, params, ctx) => {
    trace(logger, () => `XML-RPC method called: ${methodName}()`);
    const method = registry.lookup(methodName);
    if (method === undefined) {
      return refuse(logger, methodName, { fault: 'UNKNOWN_METHOD' });
    }
    const bound = method.bind(params);
    if (!bound.ok) {
      trace(logger, () => `XML-RPC method ${methodName}(): ${bound.problem}`);
      return refuse(logger, methodName, { fault: 'INCORRECT_PARAMETERS' });
    }
    if (!method.servesDuringShutdown && isShuttingDown()) {
      return refuse(logger, methodName, { fault: 'SHUTDOWN_STATE' });
    }
    try {
      const result = await bound.run(ctx);
      if (isFault(result)) {
        return refuse(logger, methodName, result);
      }
      trace(logger, () => `XML-RPC method ${methodName}() returned successfully`);
      return { kind: 'value', value: result };
    } catch (error: unknown) {
      return { kind: 'crash', error };
    }
  };

const refuse = (logger: DaemonLogger, methodName: string, fault: Fault): CallOutcome => {
  trace(
    logger,
    () =>
      `XML-RPC method ${methodName}() returned fault: [${FAULT_CODES[fault.fault]}] ${faultString(fault)}`,
  );
  return { kind: 'fault', fault };
};

/** Builds the message only when trace logging is on: every call passes through here. */
const trace = (logger: DaemonLogger, message: () => string): void => {
  if (logger.isEnabled('trace')) {
    logger.log('trace', message());
  }
};

/** A fault as the struct system.multicall puts in its result array. */
export const faultStruct = (fault: Fault): XmlRpcStruct => ({
  faultCode: FAULT_CODES[fault.fault],
  faultString: faultString(fault),
});

/** `<class>:<message>` of an unexpected throw, for logs and multicall's FAILED fault. */
export const describeCrash = (error: unknown): string =>
  error instanceof Error ? `${error.name}:${error.message}` : `${typeof error}:${String(error)}`;
