import { expect, it } from 'vitest';

import type { FleetHost } from './fleet-hosts.js';
import { hostsNamed, namesOnHost, parseFleetName, parseFleetNames } from './fleet-names.js';

const HOSTS = new Set(['web1', 'web2', 'web']);

it.each([
  ['nginx', { kind: 'every-host', typed: 'nginx', spec: 'nginx' }],
  ['app:app_0', { kind: 'every-host', typed: 'app:app_0', spec: 'app:app_0' }],
  ['app:*', { kind: 'every-host', typed: 'app:*', spec: 'app:*' }],
  ['all', { kind: 'every-host', typed: 'all', spec: 'all' }],
  ['web1:nginx', { kind: 'one-host', typed: 'web1:nginx', host: 'web1', spec: 'nginx' }],
  ['web1:app:*', { kind: 'one-host', typed: 'web1:app:*', host: 'web1', spec: 'app:*' }],
  ['web1:*', { kind: 'one-host', typed: 'web1:*', host: 'web1', spec: 'all' }],
  ['web1:all', { kind: 'one-host', typed: 'web1:all', host: 'web1', spec: 'all' }],
  ['web1:', { kind: 'one-host', typed: 'web1:', host: 'web1', spec: 'all' }],
  // The clash: a host's name before the colon is always the host…
  ['web:*', { kind: 'one-host', typed: 'web:*', host: 'web', spec: 'all' }],
  // …and `*:` (every host) reaches the group that shares its name.
  ['*:web:*', { kind: 'every-host', typed: '*:web:*', spec: 'web:*' }],
  ['*:nginx', { kind: 'every-host', typed: '*:nginx', spec: 'nginx' }],
  // A word before the colon that names no host is a group, as for one server.
  ['db:*', { kind: 'every-host', typed: 'db:*', spec: 'db:*' }],
])('reads %s', (typed, expected) => {
  expect(parseFleetName(typed, HOSTS)).toEqual(expected);
});

const host = (name: string): FleetHost => ({
  name,
  target: { serverUrl: `unix:///${name}.sock`, username: null, password: null },
});
const FLEET = [host('a'), host('b'), host('c')];

it('addresses only the hosts the names touch, in fleet order', () => {
  const names = (typed: string[]) => hostsNamed(parseFleetNames(typed, FLEET), FLEET);
  expect(names([]).map((h) => h.name)).toEqual(['a', 'b', 'c']);
  expect(names(['c:x', 'a:*']).map((h) => h.name)).toEqual(['a', 'c']);
  expect(names(['c:x', 'y']).map((h) => h.name)).toEqual(['a', 'b', 'c']);
});

it('gives each host its names in the order typed', () => {
  const names = parseFleetNames(['b:x', 'y', 'a:z'], FLEET);
  expect(namesOnHost(names, 'a').map((n) => n.spec)).toEqual(['y', 'z']);
  expect(namesOnHost(names, 'b').map((n) => n.spec)).toEqual(['x', 'y']);
});
