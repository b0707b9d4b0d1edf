import { describe, expect, it } from 'vitest';

import type { HttpResponseHead } from '../../ports/http-transport.js';
import { assetResponse } from './asset-response.js';
import { assetHref, staticAssetAt, STYLESHEET_ASSET } from './assets.js';

const header = (head: HttpResponseHead, name: string): string | undefined =>
  head.headers.find(([key]) => key === name)?.[1];

const NOW = Date.UTC(2026, 11, 5);
const css = STYLESHEET_ASSET;

describe('assetResponse', () => {
  it('lets a versioned link be kept for good', () => {
    const response = assetResponse(NOW, css, new URLSearchParams(`v=${css.tag}`), undefined);
    expect(response.status).toBe(200);
    expect(header(response, 'Cache-Control')).toBe('max-age=31536000, immutable');
    expect(header(response, 'ETag')).toBe(`"${css.tag}"`);
    expect(header(response, 'Content-Type')).toBe('text/css; charset=utf-8');
    expect(header(response, 'X-Content-Type-Options')).toBe('nosniff');
    expect(response.body).toBe(css.body);
  });

  it('has the bare path (or an old version) revalidated', () => {
    for (const query of ['', 'v=0123456789abcdef']) {
      const response = assetResponse(NOW, css, new URLSearchParams(query), undefined);
      expect(header(response, 'Cache-Control')).toBe('no-cache');
    }
  });

  it.each([`"${css.tag}"`, `W/"${css.tag}"`, `"other", "${css.tag}"`, '*'])(
    'answers If-None-Match %s with 304 and no body',
    (ifNoneMatch) => {
      const response = assetResponse(NOW, css, new URLSearchParams(), ifNoneMatch);
      expect(response.status).toBe(304);
      expect(response.body).toBe('');
      expect(header(response, 'ETag')).toBe(`"${css.tag}"`);
    },
  );

  it('sends the whole file when the tag is another', () => {
    expect(assetResponse(NOW, css, new URLSearchParams(), '"other"').status).toBe(200);
  });
});

describe('assets', () => {
  it('are found by path, linked by version', () => {
    expect(staticAssetAt('stylesheets/supervisor.css')).toBe(css);
    expect(staticAssetAt('images/logo.svg')?.contentType).toBe('image/svg+xml');
    expect(staticAssetAt('images/icon.svg')?.contentType).toBe('image/svg+xml');
    expect(staticAssetAt('ui/status.html')).toBeUndefined();
    expect(assetHref(css)).toMatch(/^stylesheets\/supervisor\.css\?v=[0-9a-f]{16}$/);
  });
});
