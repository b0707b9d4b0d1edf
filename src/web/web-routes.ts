// The web UI's paths on the daemon's HTTP service: supervisord's classic pages (/, /index.html,
// /tail.html; GET or POST) and the static files they link (GET or HEAD). Leading slashes do not
// count, as in supervisord (`//index.html` is the status page).

import type { HttpRoutes } from '../rpc/http-service.js';
import { answerAfterBody } from '../rpc/answer-after-body.js';
import { serveClassicPage, type ClassicPagesDeps } from './classic/classic-endpoint.js';
import { splitTarget } from './classic/form.js';
import { assetResponse } from './static/asset-response.js';
import { staticAssetAt } from './static/assets.js';

export type WebRoutesDeps = ClassicPagesDeps;

export const createWebRoutes = (deps: WebRoutesDeps): HttpRoutes => ({
  match: ({ method, target, headers }) => {
    const { path, query } = splitTarget(target);
    const name = path.replace(/^\/+/, '');
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
  },
});
