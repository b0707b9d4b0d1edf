// The web UI's paths on the daemon's HTTP service: supervisord's classic pages (/, /index.html,
// /tail.html; GET or POST), the static files they link (GET or HEAD), and the live UI under /ui/
// (live/live-routes.ts). Leading slashes do not count, as in supervisord (`//index.html` is the
// status page).

import type { HttpRequestHead } from '../ports/http-transport.js';
import type { HttpRoutes } from '../rpc/http-service.js';
import { answerAfterBody } from '../rpc/answer-after-body.js';
import { serveClassicPage, type ClassicPagesDeps } from './classic/classic-endpoint.js';
import { splitTarget } from './classic/form.js';
import { createLiveUiRoutes, type LiveUiDeps, type LiveUiMatch } from './live/live-routes.js';
import { assetResponse } from './static/asset-response.js';
import { staticAssetAt } from './static/assets.js';

export interface WebRoutesDeps extends ClassicPagesDeps {
  /** The live UI; without it, /ui/ is a 404. */
  readonly live?: LiveUiDeps;
}

export const createWebRoutes = (deps: WebRoutesDeps): HttpRoutes => {
  const live = deps.live === undefined ? null : createLiveUiRoutes(deps.live);
  return { match: (request) => matchWeb(request, deps, live) };
};

const matchWeb = (
  request: HttpRequestHead,
  deps: WebRoutesDeps,
  live: LiveUiMatch | null,
): ReturnType<HttpRoutes['match']> => {
  const { method, target, headers } = request;
  const { path, query } = splitTarget(target);
  const name = path.replace(/^\/+/, '');
  const liveHandler = live?.(request, name, query) ?? null;
  if (liveHandler !== null) {
    return liveHandler;
  }
  if (method === 'GET' || method === 'POST') {
    if (name === '' || name === 'index.html') {
      return (exchange) => serveClassicPage('status', exchange, query, deps);
    }
    if (name === 'tail.html') {
      return (exchange) => serveClassicPage('tail', exchange, query, deps);
    }
  }
  const asset = staticAssetAt(name);
  if (asset !== undefined && (method === 'GET' || method === 'HEAD')) {
    return (exchange) =>
      answerAfterBody(
        exchange,
        assetResponse(deps.nowMs(), asset, new URLSearchParams(query), headers['if-none-match']),
        deps.maxBodyBytes,
      );
  }
  return null;
};
