// `GET /metrics`: the daemon and its processes in Prometheus' text exposition format, behind the
// listener's basic auth like every path but the health checks.

import type { HttpExchange } from '../ports/http-transport.js';
import { answerAfterBody } from './answer-after-body.js';
import { errorPage, okResponse } from './http-responses.js';
import { encodeExposition, EXPOSITION_CONTENT_TYPE } from './metrics/exposition.js';
import { metricFamilies } from './metrics/families.js';
import { takeMetricsSnapshot, type MetricsSources } from './metrics/snapshot.js';

export interface MetricsEndpointDeps {
  /** null until the daemon wires it: /metrics is then a 404 */
  readonly sources: MetricsSources | null;
  readonly nowMs: () => number;
  readonly maxBodyBytes: number;
}

export const isMetricsPath = (path: string): boolean => path === '/metrics';

export const handleMetrics = async (
  exchange: HttpExchange,
  deps: MetricsEndpointDeps,
): Promise<void> => {
  const { method } = exchange.request;
  if (deps.sources === null || (method !== 'GET' && method !== 'HEAD')) {
    await answerAfterBody(exchange, errorPage(deps.nowMs(), 404), deps.maxBodyBytes);
    return;
  }
  const text = encodeExposition(metricFamilies(await takeMetricsSnapshot(deps.sources)));
  if (!exchange.disconnected.aborted) {
    exchange.respond(okResponse(deps.nowMs(), EXPOSITION_CONTENT_TYPE, text));
  }
};
