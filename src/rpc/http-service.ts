// The HTTP service every listener serves: the health checks (/healthz, /readyz) first, without
// credentials; then basic auth on every other path when a user is configured (a request that
// passes vouches for its connection), then supervisord's routing (first match wins): /RPC2*,
// /logtail*, /mainlogtail*, /ok.html, and ours, /metrics; then the web pages and their files;
// else 404. Also the answers to requests the transport could not parse.

import type { HttpAuth } from '../config/types.js';
import type { Clock } from '../ports/clock.js';
import type {
  HttpExchange,
  HttpProtocolProblem,
  HttpRequestHead,
  HttpResponse,
  HttpService,
} from '../ports/http-transport.js';
import type { LogTailSource } from '../ports/log-tail.js';
import type { DaemonLogger } from '../ports/logger.js';
import type { CallMethod } from './dispatch.js';
import { answerAfterBody } from './answer-after-body.js';
import { handleHealth, isHealthRequest, type HealthEndpointDeps } from './health-endpoint.js';
import { checkBasicAuth } from './http-auth.js';
import { errorPage, okResponse } from './http-responses.js';
import { handleLogTail } from './log-tail-endpoint.js';
import { handleMetrics, isMetricsPath } from './metrics-endpoint.js';
import type { MetricsSources } from './metrics/snapshot.js';
import { handleRpc2 } from './rpc2-endpoint.js';

export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

/** More paths, served after supervisord's own endpoints: the web pages (src/web). */
export interface HttpRoutes {
  /** The handler for this request, or null to let the service answer it (404). */
  match(request: HttpRequestHead): ((exchange: HttpExchange) => Promise<void>) | null;
}

export interface HttpServiceOptions {
  readonly call: CallMethod;
  /** The listener's credentials; null serves without authentication. */
  readonly auth: HttpAuth | null;
  /** null until the log layer is wired: every log tail is then a 404. */
  readonly logTail: LogTailSource | null;
  readonly clock: Clock;
  readonly logger: DaemonLogger;
  readonly maxBodyBytes?: number;
  /** The web pages; none by default. */
  readonly pages?: HttpRoutes;
  /** GET /metrics; without it, a 404 */
  readonly metrics?: MetricsSources | null;
  /** GET /readyz's view of the processes; without it, /readyz answers as /healthz */
  readonly engine?: HealthEndpointDeps['engine'];
}

export const createHttpService = (options: HttpServiceOptions): HttpService => {
  const { auth, clock, logger } = options;
  const nowMs = (): number => clock.wallMs();
  const rpc2 = {
    call: options.call,
    logger,
    nowMs,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
  };
  const logTail = { source: options.logTail, logger, nowMs };
  const metrics = { sources: options.metrics ?? null, nowMs, maxBodyBytes: rpc2.maxBodyBytes };
  const health = { engine: options.engine ?? null, auth, nowMs };

  const route = async (exchange: HttpExchange): Promise<void> => {
    const { method, target } = exchange.request;
    if (target.startsWith('/RPC2')) {
      await handleRpc2(exchange, rpc2);
    } else if (target.startsWith('/logtail')) {
      await handleLogTail(exchange, { kind: 'process', path: pathOf(target) }, logTail);
    } else if (target.startsWith('/mainlogtail')) {
      await handleLogTail(exchange, { kind: 'main' }, logTail);
    } else if (pathOf(target).replace(/^\/+/, '') === 'ok.html' && isGetOrPost(method)) {
      exchange.respond(okResponse(nowMs(), 'text/plain', 'OK'));
    } else if (isMetricsPath(pathOf(target))) {
      await handleMetrics(exchange, metrics);
    } else {
      const page = options.pages?.match(exchange.request) ?? null;
      await (page === null
        ? answerAfterBody(exchange, errorPage(nowMs(), 404), rpc2.maxBodyBytes)
        : page(exchange));
    }
  };

  const serve = async (exchange: HttpExchange): Promise<void> => {
    if (isHealthRequest(exchange.request, pathOf(exchange.request.target))) {
      handleHealth(exchange, pathOf(exchange.request.target), health);
      return;
    }
    const refusal = auth === null ? null : authRefusal(exchange, auth, nowMs());
    if (refusal !== null) {
      await answerAfterBody(exchange, refusal, rpc2.maxBodyBytes);
      return;
    }
    // Accepted credentials, or a listener without any (a request anyone could send, but one
    // that could as well shut the daemon down): the connection may stay.
    exchange.trustConnection();
    await route(exchange);
  };

  return {
    handle: (exchange) => {
      serve(exchange).catch((error: unknown) => {
        logger.log('critical', `HTTP request ${exchange.request.target} failed: ${String(error)}`);
        if (!exchange.disconnected.aborted) {
          exchange.respond(errorPage(nowMs(), 500, { closeConnection: true }));
        }
      });
    },
    protocolError: (problem) =>
      errorPage(nowMs(), PROTOCOL_STATUS[problem], { closeConnection: true }),
  };
};

const PROTOCOL_STATUS = {
  'bad-request': 400,
  'request-timeout': 408,
  'headers-too-large': 431,
} as const satisfies Record<HttpProtocolProblem, number>;

const authRefusal = (
  exchange: HttpExchange,
  auth: HttpAuth,
  nowMs: number,
): HttpResponse | null => {
  switch (checkBasicAuth(exchange.request.headers['authorization'], auth)) {
    case 'ok':
      return null;
    case 'bad-request':
      return errorPage(nowMs, 400);
    case 'unauthorized':
      return errorPage(nowMs, 401, {
        extraHeaders: [
          ['Connection', 'close'],
          ['WWW-Authenticate', 'Basic realm="default"'],
        ],
        closeConnection: true,
      });
  }
};

const pathOf = (target: string): string => target.split(/[?#]/, 1)[0] ?? '';

const isGetOrPost = (method: string): boolean => method === 'GET' || method === 'POST';
