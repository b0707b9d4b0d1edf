// `GET /healthz` (the daemon answers: 200) and `GET /readyz` (200 when every autostart process is
// RUNNING, else 503) for orchestrators' probes. They answer without credentials, since a
// Kubernetes httpGet probe cannot send them: then they say only ready or not and how many are
// not; with valid credentials (or on a listener without any) they also name what is not ready.
// See docs/decisions/010-health-endpoints.md.

import type { HttpAuth } from '../config/types.js';
import type { SupervisedProcess } from '../engine/process.js';
import type { Supervisor } from '../engine/supervisor.js';
import type { HttpExchange, HttpRequestHead } from '../ports/http-transport.js';
import { checkBasicAuth } from './http-auth.js';
import { baseHeaders } from './http-responses.js';
import { readinessText, readinessVerdict, type ReadinessFacts } from './readiness-verdict.js';

export interface HealthEndpointDeps {
  /** null until the daemon wires it: then only /healthz answers */
  readonly engine: Pick<Supervisor, 'mood' | 'allProcesses'> | null;
  /** the listener's credentials: with them, /readyz names what is not ready */
  readonly auth: HttpAuth | null;
  readonly nowMs: () => number;
}

const HEALTH_PATHS = new Set(['/healthz', '/readyz']);

/** GET or HEAD of /healthz or /readyz: answered before (and whatever) the auth check. */
export const isHealthRequest = (request: HttpRequestHead, path: string): boolean =>
  HEALTH_PATHS.has(path) && (request.method === 'GET' || request.method === 'HEAD');

const readinessFacts = (process: SupervisedProcess): ReadinessFacts => {
  const info = process.info();
  return {
    namespec: process.namespec,
    state: info.state,
    autostart: process.config.autostart,
    done: process.completed && process.config.autorestart !== 'always',
    reason: info.reason,
  };
};

const plainText = (
  exchange: HttpExchange,
  nowMs: number,
  status: 200 | 503,
  body: string,
): void => {
  exchange.respond({
    status,
    reason: status === 200 ? 'OK' : 'Service Unavailable',
    headers: [
      ...baseHeaders(nowMs),
      ['Content-Type', 'text/plain; charset=utf-8'],
      ['Cache-Control', 'no-store'],
      ['Content-Length', String(Buffer.byteLength(body))],
    ],
    closeConnection: false,
    body,
  });
};

export const handleHealth = (
  exchange: HttpExchange,
  path: string,
  deps: HealthEndpointDeps,
): void => {
  const { auth, engine } = deps;
  const authorized =
    auth === null || checkBasicAuth(exchange.request.headers['authorization'], auth) === 'ok';
  if (authorized) {
    exchange.trustConnection();
  }
  if (path === '/healthz' || engine === null) {
    plainText(exchange, deps.nowMs(), 200, 'ok\n');
    return;
  }
  const verdict = readinessVerdict(engine.mood, engine.allProcesses().map(readinessFacts));
  plainText(exchange, deps.nowMs(), verdict.ready ? 200 : 503, readinessText(verdict, authorized));
};
