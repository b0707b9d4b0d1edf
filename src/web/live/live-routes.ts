// The live UI's paths under /ui/: the page, its bundled script and stylesheet (cached for good
// by their versioned links), and /ui/RPC2, the API for the page's own calls — /RPC2's methods
// behind the same credentials, run only for requests that carry the UI's header and come from
// our own page (live-call-guard.ts).

import type { DaemonLogger } from '../../ports/logger.js';
import type { HttpExchange, HttpRequestHead } from '../../ports/http-transport.js';
import { answerAfterBody } from '../../rpc/answer-after-body.js';
import type { CallMethod } from '../../rpc/dispatch.js';
import { handleRpc2 } from '../../rpc/rpc2-endpoint.js';
import { escapeHtml } from '../html-escape.js';
import { htmlResponse, redirectResponse } from '../page-response.js';
import { LIVE_PAGE_CSP } from '../security-headers.js';
import { assetResponse } from '../static/asset-response.js';
import { staticAsset, type StaticAsset } from '../static/assets.js';
import { judgeLiveCall } from './live-call-guard.js';
import { renderLivePage } from './live-page.js';
import { LIVE_STYLESHEET } from './live-stylesheet.js';
import { LIVE_RPC_PATH, LIVE_UI_DIR } from './live-ui-contract.js';

export interface LiveUiDeps {
  /** The bundled front end (dist/ui/live-ui.js); null when the daemon was built without it. */
  readonly script: string | null;
  /** The API, as /RPC2 serves it. */
  readonly call: CallMethod;
  readonly logger: DaemonLogger;
  readonly nowMs: () => number;
  readonly maxBodyBytes: number;
}

export type LiveHandler = (exchange: HttpExchange) => Promise<void>;

/** `name` is the request path without its leading slashes. */
export type LiveUiMatch = (
  request: HttpRequestHead,
  name: string,
  query: string,
) => LiveHandler | null;

export const createLiveUiRoutes = (deps: LiveUiDeps): LiveUiMatch => {
  const script =
    deps.script === null
      ? null
      : staticAsset(`${LIVE_UI_DIR}live-ui.js`, 'text/javascript; charset=utf-8', deps.script);
  const stylesheet = staticAsset(
    `${LIVE_UI_DIR}live-ui.css`,
    'text/css; charset=utf-8',
    LIVE_STYLESHEET,
  );
  const page = staticAsset(
    LIVE_UI_DIR,
    'text/html; charset=utf-8',
    renderLivePage(script, stylesheet),
    LIVE_PAGE_CSP,
  );
  const files = new Map<string, StaticAsset>([
    [LIVE_UI_DIR, page],
    [`${LIVE_UI_DIR}index.html`, page],
    [stylesheet.path, stylesheet],
    ...(script === null ? [] : [[script.path, script] as const]),
  ]);
  const rpcName = LIVE_RPC_PATH.replace(/^\/+/, '');

  return ({ method, headers }, name, query) => {
    if (name === LIVE_UI_DIR.replace(/\/$/, '') && (method === 'GET' || method === 'HEAD')) {
      return (exchange) =>
        answerAfterBody(exchange, redirectResponse(deps.nowMs(), LIVE_UI_DIR), deps.maxBodyBytes);
    }
    if (name === rpcName) {
      return (exchange) => serveLiveCall(exchange, deps);
    }
    const file = files.get(name);
    if (file === undefined || (method !== 'GET' && method !== 'HEAD')) {
      return null;
    }
    return (exchange) =>
      answerAfterBody(
        exchange,
        assetResponse(deps.nowMs(), file, new URLSearchParams(query), headers['if-none-match']),
        deps.maxBodyBytes,
      );
  };
};

const serveLiveCall = async (exchange: HttpExchange, deps: LiveUiDeps): Promise<void> => {
  const verdict = judgeLiveCall(exchange.request.headers);
  if (!verdict.allowed) {
    const page = `<!DOCTYPE html>\n<title>Refused</title>\n<p>Refused: ${escapeHtml(verdict.reason)}.</p>\n`;
    await answerAfterBody(exchange, htmlResponse(deps.nowMs(), 403, page), deps.maxBodyBytes);
    return;
  }
  await handleRpc2(exchange, deps);
};
