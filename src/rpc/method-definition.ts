// How one RPC method is declared (name, help, typed params, return type, handler) and the
// type-erased form the registry keeps, which checks arity and parameter types before calling.

import { FAULT_CODES, type Fault } from '../model/faults.js';
import type { ParamSpec, ParamValues } from './method-params.js';
import type { XmlRpcTypeName, XmlRpcValue } from '../protocol/xmlrpc/xmlrpc-value.js';

export interface MethodContext {
  /** Aborted when the client disconnects, so a long wait may stop early. */
  readonly signal: AbortSignal;
}

/** A handler answers with a value or a Fault (never by throwing: a throw is a 500). */
export type HandlerResult<R> = R | Fault | Promise<R | Fault>;

export interface MethodSpec<P extends readonly ParamSpec<unknown>[], R extends XmlRpcValue> {
  /** `namespace.method`, e.g. `supervisor.getPID`. */
  readonly name: string;
  /** Other names for the same method (`supervisor.getVersion` for getAPIVersion). */
  readonly aliases?: readonly string[];
  /** Our own text for system.methodHelp. */
  readonly help: string;
  readonly params: P;
  readonly returns: XmlRpcTypeName;
  /**
   * Whether calls are served while the daemon shuts down. Default: false for `supervisor.*`
   * (supervisord answers SHUTDOWN_STATE), true for every other namespace.
   */
  readonly servesDuringShutdown?: boolean;
  readonly handler: (params: ParamValues<P>, ctx: MethodContext) => HandlerResult<R>;
}

export type BoundCall =
  | { readonly ok: true; readonly run: (ctx: MethodContext) => HandlerResult<XmlRpcValue> }
  | { readonly ok: false; readonly problem: string };

/** A method with its parameter types erased: what the registry stores. */
export interface RpcMethod {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly help: string;
  /** `[returnType, ...paramTypes]`, as system.methodSignature returns it. */
  readonly signature: readonly XmlRpcTypeName[];
  readonly servesDuringShutdown: boolean;
  /** Checks arity and types; a problem becomes INCORRECT_PARAMETERS. */
  bind(params: readonly XmlRpcValue[]): BoundCall;
}

/**
 * supervisord's rule (its fix for CVE-2017-11610): exactly `namespace.method`, and the method
 * part must not start with `_`. We also insist on identifier characters.
 */
export const isPublicMethodName = (name: string): boolean =>
  /^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z][A-Za-z0-9_]*$/.test(name);

export const defineMethod = <const P extends readonly ParamSpec<unknown>[], R extends XmlRpcValue>(
  spec: MethodSpec<P, R>,
): RpcMethod => {
  const names = [spec.name, ...(spec.aliases ?? [])];
  const badName = names.find((name) => !isPublicMethodName(name));
  if (badName !== undefined) {
    throw new Error(`RPC method name ${JSON.stringify(badName)} is not "namespace.method"`);
  }
  const required = spec.params.filter((p) => p.defaultValue === undefined).length;
  if (spec.params.slice(0, required).some((p) => p.defaultValue !== undefined)) {
    throw new Error(`${spec.name}: optional parameters must come after the required ones`);
  }
  const arity =
    required === spec.params.length ? `${required}` : `${required} to ${spec.params.length}`;

  const bind = (params: readonly XmlRpcValue[]): BoundCall => {
    if (params.length < required || params.length > spec.params.length) {
      return {
        ok: false,
        problem: `${spec.name} takes ${arity} parameter(s), got ${params.length}`,
      };
    }
    const values: unknown[] = [];
    for (const [index, paramSpec] of spec.params.entries()) {
      const given = params[index];
      const value = given === undefined ? paramSpec.defaultValue : paramSpec.accept(given);
      if (value === undefined) {
        return {
          ok: false,
          problem: `${spec.name}: parameter ${paramSpec.name} must be ${paramSpec.signatureType}`,
        };
      }
      values.push(value);
    }
    // The specs checked every element above, so the tuple has the declared types.
    const typed = values as unknown as ParamValues<P>;
    return { ok: true, run: (ctx) => spec.handler(typed, ctx) };
  };

  return {
    name: spec.name,
    aliases: spec.aliases ?? [],
    help: spec.help,
    signature: [spec.returns, ...spec.params.map((p) => p.signatureType)],
    servesDuringShutdown: spec.servesDuringShutdown ?? !spec.name.startsWith('supervisor.'),
    bind,
  };
};

/**
 * Whether a handler's answer is a Fault rather than a value: an object with exactly a known
 * `fault` name and an optional string `detail`. No supervisord result struct has that shape.
 */
export const isFault = (value: unknown): value is Fault => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const keys = Object.keys(value);
  const { fault, detail } = value as { fault?: unknown; detail?: unknown };
  return (
    typeof fault === 'string' &&
    Object.hasOwn(FAULT_CODES, fault) &&
    (detail === undefined || typeof detail === 'string') &&
    keys.every((key) => key === 'fault' || key === 'detail')
  );
};
