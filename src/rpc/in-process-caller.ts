// The daemon calling its own methods: the protocol's typed APIs over the dispatcher instead of
// HTTP, for the web pages the daemon serves. A fault arrives as it would over the wire (an
// RpcClientError of kind 'fault'); a handler's crash is rethrown as it is.

import { FAULT_CODES, faultString } from '../model/faults.js';
import { RpcClientError } from '../protocol/client-error.js';
import type { RpcCaller } from '../protocol/client.js';
import type { CallMethod } from './dispatch.js';
import type { MethodContext } from './method-definition.js';

export const inProcessCaller = (call: CallMethod, ctx: MethodContext): RpcCaller => ({
  call: async (methodName, params = []) => {
    const outcome = await call(methodName, params, ctx);
    switch (outcome.kind) {
      case 'value':
        return outcome.value;
      case 'fault':
        throw new RpcClientError({
          kind: 'fault',
          faultCode: FAULT_CODES[outcome.fault.fault],
          faultString: faultString(outcome.fault),
          fault: outcome.fault.fault,
        });
      case 'crash':
        throw outcome.error;
    }
  },
});
