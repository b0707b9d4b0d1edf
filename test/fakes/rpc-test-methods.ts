// A small method family for exercising the RPC layer without the engine: echo, arithmetic,
// optional parameters, faults, crashes, slow (deferred) answers and unencodable results.

import { defineMethod, type RpcMethod } from '../../src/rpc/method-definition.js';
import { optional, param } from '../../src/rpc/method-params.js';
import type { XmlRpcValue } from '../../src/protocol/xmlrpc/xmlrpc-value.js';

export interface TestMethodsOptions {
  /** Resolves `test.wait` calls; defaults to answering at once. */
  readonly gate?: () => Promise<void>;
  /** Records the order in which calls start and finish. */
  readonly journal?: string[];
}

export const testMethods = (options: TestMethodsOptions = {}): readonly RpcMethod[] => [
  defineMethod({
    name: 'test.echo',
    help: 'Return the value given.',
    params: [param.any('value', 'string')],
    returns: 'string',
    handler: ([value]) => value,
  }),
  defineMethod({
    name: 'test.add',
    aliases: ['test.plus'],
    help: 'Add two ints.',
    params: [param.int('a'), param.int('b')],
    returns: 'int',
    handler: ([a, b]) => a + b,
  }),
  defineMethod({
    name: 'test.greet',
    help: 'Greet someone, loudly or not.',
    params: [param.string('name'), optional(param.boolean('loud'), false)],
    returns: 'string',
    handler: ([name, loud]) => (loud ? `HELLO ${name.toUpperCase()}!` : `hello ${name}`),
  }),
  defineMethod({
    name: 'test.badName',
    help: 'Always answer BAD_NAME with the name given.',
    params: [param.string('name')],
    returns: 'boolean',
    handler: ([name]) => ({ fault: 'BAD_NAME', detail: name }),
  }),
  defineMethod({
    name: 'test.crash',
    help: 'Throw, as a handler bug would.',
    params: [],
    returns: 'boolean',
    handler: () => {
      throw new TypeError('boom');
    },
  }),
  defineMethod({
    name: 'test.tooBig',
    help: 'Return an int that does not fit in 32 bits.',
    params: [],
    returns: 'int',
    handler: () => 2 ** 31,
  }),
  defineMethod({
    name: 'test.wait',
    help: 'Answer once the gate opens, like startProcess with wait=true.',
    params: [param.string('tag')],
    returns: 'string',
    handler: async ([tag]) => {
      options.journal?.push(`start ${tag}`);
      await (options.gate?.() ?? Promise.resolve());
      options.journal?.push(`end ${tag}`);
      return tag;
    },
  }),
  defineMethod({
    name: 'supervisor.getAPIVersion',
    aliases: ['supervisor.getVersion'],
    help: 'The API version.',
    params: [],
    returns: 'string',
    handler: () => '3.0',
  }),
  defineMethod({
    name: 'supervisor.getSupervisorVersion',
    help: 'The daemon version.',
    params: [],
    returns: 'string',
    handler: () => 'test-version',
  }),
  defineMethod({
    name: 'supervisor.sendRemoteCommEvent',
    help: 'Served even while shutting down.',
    params: [param.string('type'), param.string('data')],
    returns: 'boolean',
    servesDuringShutdown: true,
    handler: () => true,
  }),
];

/** A deeply nested value, for encoder and transport limits. */
export const nested = (depth: number, leaf: XmlRpcValue = 'x'): XmlRpcValue => {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) {
    value = [value];
  }
  return value;
};
