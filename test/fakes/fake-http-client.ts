// An HttpClientTransport that records requests and answers from a script, for unit tests of
// protocol/client.ts without sockets.

import type {
  HttpClientOutcome,
  HttpClientRequest,
  HttpClientTransport,
  HttpEndpoint,
} from '../../src/ports/http-client-transport.js';

export interface FakeHttpClient extends HttpClientTransport {
  readonly sent: { endpoint: HttpEndpoint; request: HttpClientRequest; body: string }[];
  closed: boolean;
}

export const fakeHttpClient = (
  answer: (request: HttpClientRequest, body: string) => HttpClientOutcome,
): FakeHttpClient => {
  const client: FakeHttpClient = {
    sent: [],
    closed: false,
    send: (endpoint, request) => {
      const body = request.body === null ? '' : Buffer.from(request.body).toString('utf8');
      client.sent.push({ endpoint, request, body });
      return Promise.resolve(answer(request, body));
    },
    close: () => {
      client.closed = true;
    },
  };
  return client;
};

export const http200 = (body: string): HttpClientOutcome => ({
  kind: 'response',
  status: 200,
  reason: 'OK',
  headers: { 'content-type': 'text/xml' },
  body: Buffer.from(body, 'utf8'),
});
