import { describe, expect, it } from 'vitest';

import { judgeCrossSite } from './cross-site.js';

const HOST = { host: '127.0.0.1:9001' };

describe('judgeCrossSite', () => {
  it.each<[string, Record<string, string>, boolean]>([
    ['a script (no browser headers)', HOST, true],
    ['no headers at all', {}, true],
    ['Sec-Fetch-Site same-origin', { ...HOST, 'sec-fetch-site': 'same-origin' }, true],
    ['Sec-Fetch-Site none (bookmark, typed)', { ...HOST, 'sec-fetch-site': 'none' }, true],
    ['Sec-Fetch-Site cross-site', { ...HOST, 'sec-fetch-site': 'cross-site' }, false],
    ['Sec-Fetch-Site same-site (another port)', { ...HOST, 'sec-fetch-site': 'same-site' }, false],
    [
      'Sec-Fetch-Site wins over a matching Origin',
      { ...HOST, 'sec-fetch-site': 'cross-site', origin: 'http://127.0.0.1:9001' },
      false,
    ],
    ['Origin of this server', { ...HOST, origin: 'http://127.0.0.1:9001' }, true],
    [
      'Origin over https behind a proxy',
      { host: 'sup.example.com', origin: 'https://sup.example.com' },
      true,
    ],
    [
      'Origin with the default port spelled out',
      { host: 'sup.example.com:80', origin: 'http://sup.example.com' },
      true,
    ],
    [
      'Origin, host in capitals',
      { host: 'SUP.example.com', origin: 'http://sup.example.com' },
      true,
    ],
    ['Origin of another site', { ...HOST, origin: 'http://evil.example' }, false],
    ['Origin of another port', { ...HOST, origin: 'http://127.0.0.1:8080' }, false],
    ['Origin null (sandboxed, opaque)', { ...HOST, origin: 'null' }, false],
    ['Origin but no Host', { origin: 'http://127.0.0.1:9001' }, false],
    ['Referer of this server', { ...HOST, referer: 'http://127.0.0.1:9001/index.html' }, true],
    ['Referer of another site', { ...HOST, referer: 'http://evil.example/page' }, false],
    ['Referer that is not a URL', { ...HOST, referer: 'garbage' }, false],
    ['Referer with another scheme', { ...HOST, referer: 'file:///tmp/x.html' }, false],
    [
      'Origin decides before Referer',
      { ...HOST, origin: 'http://evil.example', referer: 'http://127.0.0.1:9001/' },
      false,
    ],
  ])('%s → allowed: %s', (_label, headers, allowed) => {
    expect(judgeCrossSite(headers).allowed).toBe(allowed);
  });

  it('says why it refuses', () => {
    expect(judgeCrossSite({ ...HOST, origin: 'http://evil.example' })).toEqual({
      allowed: false,
      reason: 'it comes from http://evil.example (origin)',
    });
  });
});
