// The real HTTP client transport on node:http: one keep-alive agent per endpoint (unix socket
// or TCP), whole-response reads with a size bound, an optional overall timeout, and connect
// errors told apart from broken exchanges.

import http from 'node:http';

import type {
  HttpClientOutcome,
  HttpClientRequest,
  HttpClientTransport,
  HttpEndpoint,
} from '../ports/http-client-transport.js';

export const createNodeHttpClient = (): HttpClientTransport => {
  const agents = new Map<string, http.Agent>();
  const agentFor = (endpoint: HttpEndpoint): http.Agent => {
    const key =
      endpoint.kind === 'unix' ? `unix:${endpoint.path}` : `tcp:${endpoint.host}:${endpoint.port}`;
    let agent = agents.get(key);
    if (agent === undefined) {
      agent = new http.Agent({ keepAlive: true });
      agents.set(key, agent);
    }
    return agent;
  };
  return {
    send: async (endpoint, request) => {
      const agent = agentFor(endpoint);
      const first = await sendOnce(endpoint, request, agent);
      // A kept-alive connection the server closed while idle fails on reuse before the request
      // is processed; one retry on a fresh connection is then safe.
      return first.kind === 'reused-socket-reset'
        ? toOutcome(await sendOnce(endpoint, request, agent))
        : first;
    },
    close: () => {
      for (const agent of agents.values()) {
        agent.destroy();
      }
      agents.clear();
    },
  };
};

type Attempt =
  HttpClientOutcome | { readonly kind: 'reused-socket-reset'; readonly message: string };

const toOutcome = (attempt: Attempt): HttpClientOutcome =>
  attempt.kind === 'reused-socket-reset' ? { kind: 'failed', message: attempt.message } : attempt;

const sendOnce = (
  endpoint: HttpEndpoint,
  request: HttpClientRequest,
  agent: http.Agent,
): Promise<Attempt> =>
  new Promise((resolve) => {
    let settled = false;
    const settle = (attempt: Attempt): void => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        resolve(attempt);
      }
    };
    const req = http.request({
      agent,
      method: request.method,
      path: request.path,
      headers: { ...request.headers, 'Content-Length': String(request.body?.length ?? 0) },
      ...(endpoint.kind === 'unix'
        ? { socketPath: endpoint.path }
        : { host: endpoint.host, port: endpoint.port }),
    });
    const timer =
      request.timeoutMs === null
        ? undefined
        : setTimeout(
            () => req.destroy(new Error(`no response within ${request.timeoutMs} ms`)),
            request.timeoutMs,
          );
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.syscall === 'connect' && error.code !== undefined) {
        settle({ kind: 'connect-failed', code: error.code, message: error.message });
      } else if (req.reusedSocket && error.code === 'ECONNRESET') {
        settle({ kind: 'reused-socket-reset', message: error.message });
      } else {
        settle({ kind: 'failed', message: error.message });
      }
    });
    req.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > request.maxResponseBytes) {
          settle({
            kind: 'failed',
            message: `response larger than ${request.maxResponseBytes} bytes`,
          });
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () =>
        settle({
          kind: 'response',
          status: response.statusCode ?? 0,
          reason: response.statusMessage ?? '',
          headers: Object.fromEntries(
            Object.entries(response.headers).map(([k, v]) => [
              k,
              Array.isArray(v) ? v.join(', ') : v,
            ]),
          ),
          body: Buffer.concat(chunks),
        }),
      );
      response.on('error', (error) => settle({ kind: 'failed', message: error.message }));
      // After 'end' this is a no-op; before it, the server hung up mid-response.
      response.on('close', () =>
        settle({ kind: 'failed', message: 'connection closed before the response was complete' }),
      );
    });
    req.end(request.body ?? undefined);
  });
