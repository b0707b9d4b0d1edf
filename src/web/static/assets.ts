// The static files the classic pages reference, by path: their type, bytes and a tag of their
// content. Pages link them as `<path>?v=<tag>`, so a browser may keep such a copy for good (a new
// build has new tags); the bare path is revalidated every time.

import { createHash } from 'node:crypto';

import { ICON_SVG, LOGO_SVG } from './images.js';
import { STYLESHEET } from './stylesheet.js';

export interface StaticAsset {
  readonly path: string;
  readonly contentType: string;
  readonly body: string;
  /** A hash of the body: the ETag and the `?v=` of the links */
  readonly tag: string;
  /** The Content-Security-Policy it is served with (default: ASSET_CSP, nothing may load). */
  readonly csp?: string;
}

/** A file served from memory, tagged by a hash of its content. */
export const staticAsset = (
  path: string,
  contentType: string,
  body: string,
  csp?: string,
): StaticAsset => ({
  path,
  contentType,
  body,
  tag: createHash('sha256').update(body, 'utf8').digest('hex').slice(0, 16),
  ...(csp === undefined ? {} : { csp }),
});

export const STYLESHEET_ASSET = staticAsset(
  'stylesheets/supervisor.css',
  'text/css; charset=utf-8',
  STYLESHEET,
);
export const LOGO_ASSET = staticAsset('images/logo.svg', 'image/svg+xml', LOGO_SVG);
export const ICON_ASSET = staticAsset('images/icon.svg', 'image/svg+xml', ICON_SVG);

const BY_PATH: ReadonlyMap<string, StaticAsset> = new Map(
  [STYLESHEET_ASSET, LOGO_ASSET, ICON_ASSET].map((a) => [a.path, a]),
);

/** The asset at a request path (leading slashes already stripped), if there is one. */
export const staticAssetAt = (path: string): StaticAsset | undefined => BY_PATH.get(path);

/** The link a page puts in its markup: relative, like supervisord's, and versioned. */
export const assetHref = (asset: StaticAsset): string => `${asset.path}?v=${asset.tag}`;
