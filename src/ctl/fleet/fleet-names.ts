// How a name typed in a fleet is read (docs/decisions/011-fleet-names.md): when the part
// before the first `:` is a host's name (or `*`, every host), it is that host and the rest is
// a name on it (`web1:nginx`, `web1:web:*`; `web1:*` or `web1:all` is all of it); any other
// name (`nginx`, `web:*`, `all`) means that name on every host that has it.

import type { FleetHost } from './fleet-hosts.js';

export type FleetName =
  /** `spec` is a supervisord name, or `all`. */
  | { readonly kind: 'every-host'; readonly typed: string; readonly spec: string }
  | {
      readonly kind: 'one-host';
      readonly typed: string;
      readonly host: string;
      readonly spec: string;
    };

const WHOLE_HOST = new Set(['', '*', 'all']);

export const parseFleetName = (typed: string, hostNames: ReadonlySet<string>): FleetName => {
  const colon = typed.indexOf(':');
  const head = colon < 0 ? '' : typed.slice(0, colon);
  if (colon < 0 || !(head === '*' || hostNames.has(head))) {
    return { kind: 'every-host', typed, spec: typed };
  }
  const rest = typed.slice(colon + 1);
  const spec = WHOLE_HOST.has(rest) ? 'all' : rest;
  return head === '*'
    ? { kind: 'every-host', typed, spec }
    : { kind: 'one-host', typed, host: head, spec };
};

export const parseFleetNames = (
  typed: readonly string[],
  hosts: readonly FleetHost[],
): FleetName[] => {
  const names = new Set(hosts.map((host) => host.name));
  return typed.map((name) => parseFleetName(name, names));
};

/** The hosts the names touch, in fleet order (no names: every host). */
export const hostsNamed = (
  names: readonly FleetName[],
  hosts: readonly FleetHost[],
): FleetHost[] =>
  names.length === 0 || names.some((name) => name.kind === 'every-host')
    ? [...hosts]
    : hosts.filter((host) =>
        names.some((name) => name.kind === 'one-host' && name.host === host.name),
      );

/** The names that apply on `host`, as names of that daemon, in the order typed. */
export const namesOnHost = (names: readonly FleetName[], host: string): FleetName[] =>
  names.filter((name) => name.kind === 'every-host' || name.host === host);
