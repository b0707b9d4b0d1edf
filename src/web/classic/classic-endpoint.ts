// Serving the classic pages: read the form (query, and a POSTed body), then either show the
// status or tail page, or do the action (refusing one from another site) and redirect back as
// supervisord does. Everything the daemon is asked goes through the supervisor.* API.

import type { HttpExchange } from '../../ports/http-transport.js';
import { catchFault } from '../../protocol/faults.js';
import type { SupervisorApi } from '../../protocol/supervisor-api.js';
import { errorPage } from '../../rpc/http-responses.js';
import { judgeCrossSite } from '../cross-site.js';
import { htmlResponse, redirectResponse, type PageStatus } from '../page-response.js';
import { unexpectedFaultMessage } from './action-messages.js';
import { parseForm, type Form } from './form.js';
import { performAction } from './perform-action.js';
import { redirectLocation } from './redirect-location.js';
import { renderRefusalPage } from './refusal-page.js';
import { renderStatusPage } from './status-page.js';
import { changesState, readStatusRequest } from './status-request.js';
import { statusRows } from './status-rows.js';
import { renderTailPage, tailLimit } from './tail-page.js';
import { readTailText } from './tail-text.js';

export interface ClassicPagesDeps {
  /** The supervisor.* API for one request; its waits end when `signal` aborts. */
  readonly api: (signal: AbortSignal) => SupervisorApi;
  readonly nowMs: () => number;
  /** The largest POSTed form read. */
  readonly maxBodyBytes: number;
}

export type ClassicPage = 'status' | 'tail';

export const serveClassicPage = async (
  page: ClassicPage,
  exchange: HttpExchange,
  query: string,
  deps: ClassicPagesDeps,
): Promise<void> => {
  const form = await readForm(exchange, query, deps);
  if (form === null) {
    return;
  }
  const api = deps.api(exchange.disconnected);
  await (page === 'status'
    ? answerStatus(exchange, form, api, deps)
    : answerTail(exchange, form, api, deps));
};

const answerStatus = async (
  exchange: HttpExchange,
  form: Form,
  api: SupervisorApi,
  deps: ClassicPagesDeps,
): Promise<void> => {
  const request = readStatusRequest(form);
  switch (request.kind) {
    case 'show':
      await showStatus(exchange, api, deps.nowMs, { status: 200, message: request.message });
      return;
    case 'invalid':
      await showStatus(exchange, api, deps.nowMs, {
        status: 400,
        message: `ERROR: ${request.problem}`,
      });
      return;
    case 'act':
      break;
  }
  const { action } = request;
  const verdict = changesState(action) ? judgeCrossSite(exchange.request.headers) : null;
  if (verdict !== null && !verdict.allowed) {
    exchange.respond(
      htmlResponse(deps.nowMs(), 403, renderRefusalPage({ action, reason: verdict.reason })),
    );
    return;
  }
  const message = await performAction(api, action, deps.nowMs);
  answer(
    exchange,
    redirectResponse(deps.nowMs(), redirectLocation(exchange.request.headers['host'], message)),
  );
};

const answerTail = async (
  exchange: HttpExchange,
  form: Form,
  api: SupervisorApi,
  deps: ClassicPagesDeps,
): Promise<void> => {
  const namespec = form.get('processname') ?? null;
  const limit = tailLimit(form);
  const text = await readTailText(api, namespec, limit);
  answer(exchange, htmlResponse(deps.nowMs(), 200, renderTailPage({ namespec, limit, text })));
};

const showStatus = async (
  exchange: HttpExchange,
  api: SupervisorApi,
  nowMs: () => number,
  { status, message }: { readonly status: PageStatus; readonly message: string | null },
): Promise<void> => {
  const listed = await catchFault(() => api.getAllProcessInfo());
  const page = listed.ok
    ? renderStatusPage({ message, rows: statusRows(listed.value) })
    : renderStatusPage({ message: `ERROR: ${unexpectedFaultMessage(listed.fault)}`, rows: null });
  answer(exchange, htmlResponse(nowMs(), status, page));
};

/** The form; null when the request was answered already (body too large, client gone). */
const readForm = async (
  exchange: HttpExchange,
  query: string,
  deps: ClassicPagesDeps,
): Promise<Form | null> => {
  if (exchange.request.method !== 'POST') {
    return parseForm(query, '');
  }
  const read = await exchange.readBody(deps.maxBodyBytes);
  switch (read.kind) {
    case 'complete':
      return parseForm(query, new TextDecoder().decode(read.body));
    case 'too-large':
      exchange.respond(errorPage(deps.nowMs(), 413, { closeConnection: true }));
      return null;
    case 'aborted':
      return null;
  }
};

/** Nobody to answer when the client went away while an action waited. */
const answer = (exchange: HttpExchange, response: Parameters<HttpExchange['respond']>[0]): void => {
  if (!exchange.disconnected.aborted) {
    exchange.respond(response);
  }
};
