import { expect, it } from 'vitest';

import { describeEndpoint, parseServerUrl, splitUrlCredentials } from './server-url.js';

it.each([
  ['unix:///tmp/supervisor.sock', { kind: 'unix', path: '/tmp/supervisor.sock' }],
  ['unix://relative.sock', { kind: 'unix', path: 'relative.sock' }],
  ['http://127.0.0.1:9001', { kind: 'tcp', host: '127.0.0.1', port: 9001 }],
  ['http://localhost', { kind: 'tcp', host: 'localhost', port: 80 }],
  ['http://localhost:9001/RPC2', { kind: 'tcp', host: 'localhost', port: 9001 }],
  ['http://[::1]:9001', { kind: 'tcp', host: '::1', port: 9001 }],
])('parses %s', (url, endpoint) => {
  expect(parseServerUrl(url)).toEqual({ ok: true, endpoint });
});

it.each([
  ['unix://', /no socket path/],
  ['https://x', /Unknown protocol for serverurl https:\/\/x/],
  ['foo', /Unknown protocol/],
  ['http://:80', /not a URL|no host/],
])('refuses %s', (url, message) => {
  const result = parseServerUrl(url);
  expect(result.ok ? '' : result.message).toMatch(message);
});

it('describes endpoints as server URLs', () => {
  expect(describeEndpoint({ kind: 'unix', path: '/x.sock' })).toBe('unix:///x.sock');
  expect(describeEndpoint({ kind: 'tcp', host: '::1', port: 9001 })).toBe('http://[::1]:9001');
});

it.each([
  ['http://h:9001', { url: 'http://h:9001', username: null, password: null }],
  ['unix:///a@b.sock', { url: 'unix:///a@b.sock', username: null, password: null }],
  ['http://ops:s3cr%40t@h:9001', { url: 'http://h:9001', username: 'ops', password: 's3cr@t' }],
  ['http://ops:p@ss@h:9001/RPC2', { url: 'http://h:9001/RPC2', username: 'ops', password: 'p@ss' }],
  ['http://ops@h', { url: 'http://h', username: 'ops', password: null }],
  ['http://h/x@y', { url: 'http://h/x@y', username: null, password: null }],
])('takes the credentials out of %s', (url, expected) => {
  expect(splitUrlCredentials(url)).toEqual(expected);
});
