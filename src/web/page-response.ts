// Whole answers for the web pages: an HTML page, and supervisord's 301 back to the status page.
// Neither may be stored (a cached redirect would stand in for the action it answered), and both
// carry the security headers.

import type { HttpResponse } from '../ports/http-transport.js';
import { baseHeaders, httpDate } from '../rpc/http-responses.js';
import { escapeHtml } from './html-escape.js';
import { PAGE_CSP, securityHeaders } from './security-headers.js';

export type PageStatus = 200 | 400 | 403 | 413;

const REASONS: Record<PageStatus | 301, string> = {
  200: 'OK',
  301: 'Moved Permanently',
  400: 'Bad Request',
  403: 'Forbidden',
  413: 'Request Entity Too Large',
};

const noStore = (): [string, string][] => [
  ['Cache-Control', 'no-store'],
  ['Pragma', 'no-cache'],
  ['Expires', httpDate(0)],
];

const respond = (
  nowMs: number,
  status: PageStatus | 301,
  extraHeaders: readonly [string, string][],
  body: string,
): HttpResponse => ({
  status,
  reason: REASONS[status],
  headers: [
    ...baseHeaders(nowMs),
    ...extraHeaders,
    ['Content-Type', 'text/html;charset=utf-8'],
    ...noStore(),
    ...securityHeaders(PAGE_CSP),
    ['Content-Length', String(Buffer.byteLength(body))],
  ],
  closeConnection: false,
  body,
});

export const htmlResponse = (nowMs: number, status: PageStatus, html: string): HttpResponse =>
  respond(nowMs, status, [], html);

export const redirectResponse = (nowMs: number, location: string): HttpResponse =>
  respond(
    nowMs,
    301,
    [['Location', location]],
    `<!DOCTYPE html>\n<title>Moved</title>\n<p>See <a href="${escapeHtml(location)}">${escapeHtml(location)}</a>.</p>\n`,
  );
