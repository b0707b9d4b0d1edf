// The server holds to protocol/methods.ts: every method a client may call is registered under
// that name with that signature, and every supervisor.* / tssupervisor.* method is listed there.

import { describe, expect, it } from 'vitest';

import { METHOD_SIGNATURES, type MethodName } from '../../protocol/methods.js';
import { createMethodRegistry } from '../method-registry.js';
import type { SupervisorFacade } from '../supervisor-facade.js';
import { supervisorMethods } from './supervisor.js';
import { createProcessObservers, tssupervisorMethods } from './tssupervisor.js';

/** Enough of a facade to build the methods: nothing is called until a method runs. */
const inertFacade = new Proxy({}, { get: () => () => 0 }) as unknown as SupervisorFacade;

const methods = [
  ...supervisorMethods(inertFacade),
  ...tssupervisorMethods(inertFacade, createProcessObservers(inertFacade)),
];
const registry = createMethodRegistry(methods);

describe('protocol/methods.ts against the server’s registry', () => {
  it.each(Object.keys(METHOD_SIGNATURES) as MethodName[])('%s', (name) => {
    const { returns, params } = METHOD_SIGNATURES[name];
    expect(registry.lookup(name)?.signature).toEqual([returns, ...params]);
  });

  it('lists every method the server has', () => {
    const listed = new Set<string>(Object.keys(METHOD_SIGNATURES));
    expect(methods.map((m) => m.name).filter((name) => !listed.has(name))).toEqual([]);
  });
});
