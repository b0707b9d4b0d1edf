// The `system.*` family: introspection (listMethods, methodHelp, methodSignature) and multicall,
// which runs calls strictly in order and reports each one's value or fault struct.

import { FAULT_CODES } from '../../model/faults.js';
import { describeCrash, faultStruct, type CallMethod } from '../dispatch.js';
import { defineMethod, type MethodContext, type RpcMethod } from '../method-definition.js';
import { param } from '../method-params.js';
import type { MethodRegistry } from '../method-registry.js';
import {
  isXmlRpcArray,
  isXmlRpcStruct,
  type XmlRpcValue,
} from '../../protocol/xmlrpc/xmlrpc-value.js';

export interface SystemMethodsDeps {
  /** The finished registry; read lazily because this family is part of it. */
  readonly registry: () => MethodRegistry;
  readonly call: CallMethod;
}

export const systemMethods = ({ registry, call }: SystemMethodsDeps): readonly RpcMethod[] => [
  defineMethod({
    name: 'system.listMethods',
    help: 'List the names of every method this server answers, aliases included, sorted.\n\n@return array result  the method names (strings)',
    params: [],
    returns: 'array',
    handler: () => [...registry().names()],
  }),
  defineMethod({
    name: 'system.methodHelp',
    help: "Show a method's documentation.\n\n@param string name  the method name\n@return string result  its documentation",
    params: [param.string('name')],
    returns: 'string',
    handler: ([name]) => registry().lookup(name)?.help ?? { fault: 'SIGNATURE_UNSUPPORTED' },
  }),
  defineMethod({
    name: 'system.methodSignature',
    help: "Describe a method's signature as [returnType, paramType, ...].\n\n@param string name  the method name\n@return array result  the types (strings)",
    params: [param.string('name')],
    returns: 'array',
    handler: ([name]) => {
      const method = registry().lookup(name);
      return method === undefined ? { fault: 'SIGNATURE_UNSUPPORTED' } : [...method.signature];
    },
  }),
  defineMethod({
    name: 'system.multicall',
    help: 'Run several calls in one request, strictly in order. Each call is a struct {methodName: string, params: array}; each result is the plain return value, or a struct {faultCode, faultString}.\n\n@param array calls  the calls\n@return array result  one result per call',
    params: [param.array('calls')],
    returns: 'array',
    handler: async ([calls], ctx) => {
      const results: XmlRpcValue[] = [];
      for (const entry of calls) {
        // Sequential on purpose: a call that waits (start/stop) finishes before the next begins.
        results.push(await runOne(entry, call, ctx));
      }
      return results;
    },
  }),
];

const runOne = async (entry: XmlRpcValue, call: CallMethod, ctx: MethodContext) => {
  if (!isXmlRpcStruct(entry)) {
    return incorrect('each call must be a struct');
  }
  const methodName = entry['methodName'];
  const params = entry['params'] ?? [];
  if (methodName === undefined) {
    return incorrect('No methodName');
  }
  if (typeof methodName !== 'string') {
    return incorrect('methodName must be a string');
  }
  if (methodName === 'system.multicall') {
    return incorrect('Recursive system.multicall forbidden');
  }
  if (!isXmlRpcArray(params)) {
    return incorrect('params must be an array');
  }
  const outcome = await call(methodName, params, ctx);
  switch (outcome.kind) {
    case 'value':
      return outcome.value;
    case 'fault':
      return faultStruct(outcome.fault);
    case 'crash':
      return {
        faultCode: FAULT_CODES.FAILED,
        faultString: `FAILED: ${describeCrash(outcome.error)}`,
      };
  }
};

const incorrect = (detail: string): XmlRpcValue =>
  faultStruct({ fault: 'INCORRECT_PARAMETERS', detail });
