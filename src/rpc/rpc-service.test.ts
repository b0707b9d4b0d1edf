import { describe, expect, it } from 'vitest';

import { testMethods } from '../../test/fakes/rpc-test-methods.js';
import type { DaemonLogger } from '../ports/logger.js';
import type { CallOutcome } from './dispatch.js';
import { defineMethod, isFault } from './method-definition.js';
import { param } from './method-params.js';
import { createMethodRegistry } from './method-registry.js';
import { createRpcService } from './rpc-service.js';
import type { XmlRpcValue } from '../protocol/xmlrpc/xmlrpc-value.js';

const quietLogger: DaemonLogger = { log: () => undefined, isEnabled: () => false };
const ctx = { signal: new AbortController().signal };

const service = (
  options: { shuttingDown?: boolean; gate?: () => Promise<void>; journal?: string[] } = {},
) =>
  createRpcService({
    methods: testMethods(options),
    isShuttingDown: () => options.shuttingDown ?? false,
    logger: quietLogger,
  });

const call = (name: string, params: XmlRpcValue[] = [], options = {}): Promise<CallOutcome> =>
  service(options).call(name, params, ctx);

const fault = (name: string, detail?: string): CallOutcome => ({
  kind: 'fault',
  fault: detail === undefined ? { fault: name as 'FAILED' } : { fault: name as 'FAILED', detail },
});

describe('method names', () => {
  it.each([
    'test.nope',
    'nope.echo',
    'test',
    'test.echo.x',
    '',
    '.echo',
    'test._private',
    ' test.echo',
  ])('%j is UNKNOWN_METHOD', async (name) => {
    expect(await call(name, ['x'])).toEqual(fault('UNKNOWN_METHOD'));
  });

  it.each(['a.b.c', 'a', 'a._b', '_.x.y', 'a.'])('refuses to define %j', (name) => {
    expect(() =>
      defineMethod({ name, help: '', params: [], returns: 'int', handler: () => 1 }),
    ).toThrow(/not "namespace.method"/);
  });

  it('refuses a name registered twice, aliases included', () => {
    const one = defineMethod({
      name: 'a.b',
      help: '',
      params: [],
      returns: 'int',
      handler: () => 1,
    });
    const two = defineMethod({
      name: 'a.c',
      aliases: ['a.b'],
      help: '',
      params: [],
      returns: 'int',
      handler: () => 2,
    });
    expect(() => createMethodRegistry([one, two])).toThrow(/a.b is registered twice/);
  });

  it('refuses required parameters after optional ones', () => {
    expect(() =>
      defineMethod({
        name: 'a.b',
        help: '',
        params: [{ ...param.int('x'), defaultValue: 1 }, param.int('y')],
        returns: 'int',
        handler: () => 1,
      }),
    ).toThrow(/optional parameters must come after/);
  });
});

describe('parameters', () => {
  it('passes checked values and answers', async () => {
    expect(await call('test.add', [2, 3])).toEqual({ kind: 'value', value: 5 });
    expect(await call('test.plus', [2, 3])).toEqual({ kind: 'value', value: 5 });
  });

  it('fills optional parameters with their default', async () => {
    expect(await call('test.greet', ['bob'])).toEqual({ kind: 'value', value: 'hello bob' });
    expect(await call('test.greet', ['bob', true])).toEqual({ kind: 'value', value: 'HELLO BOB!' });
  });

  it.each<[string, XmlRpcValue[]]>([
    ['too few', [1]],
    ['too many', [1, 2, 3]],
    ['string for int', ['1', 2]],
    ['boolean for int', [true, 2]],
    ['struct for int', [{}, 2]],
  ])('%s → bare INCORRECT_PARAMETERS (as supervisord)', async (_label, params) => {
    expect(await call('test.add', params)).toEqual(fault('INCORRECT_PARAMETERS'));
  });

  it('checks optional parameters too', async () => {
    expect(await call('test.greet', ['bob', 1])).toEqual(fault('INCORRECT_PARAMETERS'));
  });
});

describe('handler answers', () => {
  it('passes a Fault through', async () => {
    expect(await call('test.badName', ['x'])).toEqual(fault('BAD_NAME', 'x'));
  });

  it('reports a throw as a crash', async () => {
    const outcome = await call('test.crash');
    expect(outcome.kind).toBe('crash');
  });

  it('tells faults from values', () => {
    expect(isFault({ fault: 'BAD_NAME' })).toBe(true);
    expect(isFault({ fault: 'BAD_NAME', detail: 'x' })).toBe(true);
    expect(isFault({ fault: 'NOT_A_FAULT' })).toBe(false);
    expect(isFault({ fault: 'BAD_NAME', other: 1 })).toBe(false);
    expect(isFault([{ fault: 'BAD_NAME' }])).toBe(false);
    expect(isFault('BAD_NAME')).toBe(false);
  });
});

describe('shutdown guard', () => {
  it('refuses supervisor.* with SHUTDOWN_STATE while shutting down', async () => {
    expect(await call('supervisor.getAPIVersion', [], { shuttingDown: true })).toEqual(
      fault('SHUTDOWN_STATE'),
    );
    expect(await call('supervisor.getVersion', [], { shuttingDown: true })).toEqual(
      fault('SHUTDOWN_STATE'),
    );
  });

  it('still serves sendRemoteCommEvent, system.* and other namespaces', async () => {
    const down = { shuttingDown: true };
    expect(await call('supervisor.sendRemoteCommEvent', ['t', 'd'], down)).toEqual({
      kind: 'value',
      value: true,
    });
    expect((await call('system.listMethods', [], down)).kind).toBe('value');
    expect(await call('test.add', [1, 1], down)).toEqual({ kind: 'value', value: 2 });
  });

  it('checks arity before the shutdown state', async () => {
    expect(await call('supervisor.getAPIVersion', [1], { shuttingDown: true })).toEqual(
      fault('INCORRECT_PARAMETERS'),
    );
  });
});

describe('system introspection', () => {
  it('lists every name, aliases and system.* included, sorted', async () => {
    const outcome = await call('system.listMethods');
    const names = outcome.kind === 'value' ? (outcome.value as string[]) : [];
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(
      expect.arrayContaining([
        'system.multicall',
        'test.add',
        'test.plus',
        'supervisor.getVersion',
      ]),
    );
    expect(names).toHaveLength(16);
  });

  it('gives help and signatures', async () => {
    expect(await call('system.methodHelp', ['test.add'])).toEqual({
      kind: 'value',
      value: 'Add two ints.',
    });
    expect(await call('system.methodSignature', ['test.greet'])).toEqual({
      kind: 'value',
      value: ['string', 'string', 'boolean'],
    });
    expect(await call('system.methodSignature', ['system.listMethods'])).toEqual({
      kind: 'value',
      value: ['array'],
    });
  });

  it('answers SIGNATURE_UNSUPPORTED for unknown methods', async () => {
    expect(await call('system.methodHelp', ['x.y'])).toEqual(fault('SIGNATURE_UNSUPPORTED'));
    expect(await call('system.methodSignature', ['x.y'])).toEqual(fault('SIGNATURE_UNSUPPORTED'));
  });
});

describe('system.multicall', () => {
  const multicall = (calls: XmlRpcValue[], options = {}) =>
    call('system.multicall', [calls], options);

  it('answers each call in order with its value or fault struct', async () => {
    const outcome = await multicall([
      { methodName: 'system.multicall', params: [[]] },
      {},
      { methodName: 'supervisor.getAPIVersion' },
      { methodName: 'supervisor.getAPIVersion', params: [1] },
      { methodName: 'test.badName', params: ['x'] },
      { methodName: 'test.crash', params: [] },
      { methodName: 'nope.nope' },
      'not a struct',
      { methodName: 7 },
      { methodName: 'test.add', params: 'not an array' },
    ]);
    const f = (code: number, text: string) => ({ faultCode: code, faultString: text });
    expect(outcome).toEqual({
      kind: 'value',
      value: [
        f(2, 'INCORRECT_PARAMETERS: Recursive system.multicall forbidden'),
        f(2, 'INCORRECT_PARAMETERS: No methodName'),
        '3.0',
        f(2, 'INCORRECT_PARAMETERS'),
        f(10, 'BAD_NAME: x'),
        f(30, 'FAILED: TypeError:boom'),
        f(1, 'UNKNOWN_METHOD'),
        f(2, 'INCORRECT_PARAMETERS: each call must be a struct'),
        f(2, 'INCORRECT_PARAMETERS: methodName must be a string'),
        f(2, 'INCORRECT_PARAMETERS: params must be an array'),
      ],
    });
  });

  it('finishes a waiting call before starting the next', async () => {
    const journal: string[] = [];
    let ticks = 0;
    const gate = async (): Promise<void> => {
      ticks += 1;
      for (let i = 0; i < 3; i += 1) {
        await Promise.resolve();
      }
    };
    const outcome = await multicall(
      [
        { methodName: 'test.wait', params: ['a'] },
        { methodName: 'test.wait', params: ['b'] },
      ],
      { gate, journal },
    );
    expect(outcome).toEqual({ kind: 'value', value: ['a', 'b'] });
    expect(journal).toEqual(['start a', 'end a', 'start b', 'end b']);
    expect(ticks).toBe(2);
  });

  it('applies the shutdown guard to each call', async () => {
    const outcome = await multicall(
      [{ methodName: 'supervisor.getAPIVersion' }, { methodName: 'test.add', params: [1, 2] }],
      { shuttingDown: true },
    );
    expect(outcome).toEqual({
      kind: 'value',
      value: [{ faultCode: 6, faultString: 'SHUTDOWN_STATE' }, 3],
    });
  });

  it('needs an array', async () => {
    expect(await call('system.multicall', ['x'])).toEqual(fault('INCORRECT_PARAMETERS'));
  });
});
