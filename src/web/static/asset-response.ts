// The answer to a GET or HEAD of a static file: cached for good when asked for by its versioned
// link (`?v=<tag>`, the only kind the pages use), revalidated otherwise; a matching
// If-None-Match gets 304 without the body.

import type { HttpResponse } from '../../ports/http-transport.js';
import { baseHeaders } from '../../rpc/http-responses.js';
import { ASSET_CSP, securityHeaders } from '../security-headers.js';
import type { StaticAsset } from './assets.js';

const ONE_YEAR_S = 365 * 24 * 3600;

export const assetResponse = (
  nowMs: number,
  asset: StaticAsset,
  query: URLSearchParams,
  ifNoneMatch: string | undefined,
): HttpResponse => {
  const etag = `"${asset.tag}"`;
  const caching: [string, string][] = [
    ['ETag', etag],
    [
      'Cache-Control',
      query.get('v') === asset.tag ? `max-age=${ONE_YEAR_S}, immutable` : 'no-cache',
    ],
  ];
  if (ifNoneMatch !== undefined && matches(ifNoneMatch, etag)) {
    return {
      status: 304,
      reason: 'Not Modified',
      headers: [...baseHeaders(nowMs), ...caching],
      closeConnection: false,
      body: '',
    };
  }
  return {
    status: 200,
    reason: 'OK',
    headers: [
      ...baseHeaders(nowMs),
      ['Content-Type', asset.contentType],
      ...caching,
      ...securityHeaders(asset.csp ?? ASSET_CSP),
      ['Content-Length', String(Buffer.byteLength(asset.body))],
    ],
    closeConnection: false,
    body: asset.body,
  };
};

/** If-None-Match is `*` or a list of (possibly weak) tags. */
const matches = (header: string, etag: string): boolean =>
  header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
