// The response shapes the HTTP layer sends: supervisord's headers (Server, Date) and its HTML
// error page, byte for byte, so clients and monitoring checks see what they always saw.

import type { HttpResponse, HttpResponseHead } from '../ports/http-transport.js';

/** supervisord's HTTP server banner; kept for tools that fingerprint the daemon by it. */
export const SERVER_BANNER = 'Medusa/1.12';

export type ErrorStatus = 400 | 401 | 404 | 408 | 411 | 413 | 431 | 500;

/** Reason phrases as supervisord's HTTP server spells them. */
const REASONS: Record<ErrorStatus | 200, string> = {
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  408: 'Request Timeout',
  411: 'Length Required',
  413: 'Request Entity Too Large',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
};

/** RFC 7231 IMF-fixdate, e.g. `Sat, 21 Nov 2026 01:57:39 GMT`. */
export const httpDate = (epochMs: number): string => new Date(epochMs).toUTCString();

export const baseHeaders = (nowMs: number): [string, string][] => [
  ['Server', SERVER_BANNER],
  ['Date', httpDate(nowMs)],
];

/** The head of a 200 answer whose body is `byteLength` bytes of `contentType`. */
export const okHead = (
  nowMs: number,
  contentType: string,
  byteLength: number,
): HttpResponseHead => ({
  status: 200,
  reason: REASONS[200],
  headers: [
    ...baseHeaders(nowMs),
    ['Content-Type', contentType],
    ['Content-Length', String(byteLength)],
  ],
  closeConnection: false,
});

export const okResponse = (nowMs: number, contentType: string, body: string): HttpResponse => ({
  ...okHead(nowMs, contentType, Buffer.byteLength(body)),
  body,
});

export interface ErrorPageOptions {
  readonly extraHeaders?: readonly [string, string][];
  /** Close after answering, e.g. when the request body was left unread. */
  readonly closeConnection?: boolean;
}

export const errorPage = (
  nowMs: number,
  status: ErrorStatus,
  { extraHeaders = [], closeConnection = false }: ErrorPageOptions = {},
): HttpResponse => {
  const reason = REASONS[status];
  const body = [
    '<head>',
    '<title>Error response</title>',
    '</head>',
    '<body>',
    '<h1>Error response</h1>',
    `<p>Error code ${status}.`,
    `<p>Message: ${reason}.`,
    '</body>',
    '',
  ].join('\r\n');
  return {
    status,
    reason,
    headers: [
      ...baseHeaders(nowMs),
      ...extraHeaders,
      ['Content-Length', String(Buffer.byteLength(body))],
      ['Content-Type', 'text/html'],
    ],
    closeConnection,
    body,
  };
};
