// `POST /RPC2`: the request body (bounded, UTF-8) → decoded call → dispatcher → encoded answer.
// Malformed requests get supervisord's HTTP statuses (400, 411) plus 413 for oversized bodies;
// a handler crash or an unencodable result is a 500, and the daemon carries on.

import { FAULT_CODES, faultString } from '../model/faults.js';
import type { HttpExchange, HttpResponse } from '../ports/http-transport.js';
import type { DaemonLogger } from '../ports/logger.js';
import { answerAfterBody } from './answer-after-body.js';
import { describeCrash, type CallMethod } from './dispatch.js';
import { errorPage, okResponse } from './http-responses.js';
import { decodeMethodCall } from './xmlrpc-decode.js';
import { encodeFaultResponse, encodeMethodResponse, type EncodeResult } from './xmlrpc-encode.js';

export interface Rpc2Deps {
  readonly call: CallMethod;
  readonly logger: DaemonLogger;
  readonly nowMs: () => number;
  readonly maxBodyBytes: number;
}

/** How much of a bad request body goes into the log line. */
const LOGGED_BODY_CHARS = 500;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export const handleRpc2 = async (exchange: HttpExchange, deps: Rpc2Deps): Promise<void> => {
  const answer = (response: HttpResponse): void => {
    if (!exchange.disconnected.aborted) {
      exchange.respond(response);
    }
  };
  const { request } = exchange;
  if (request.method !== 'POST') {
    await answerAfterBody(exchange, errorPage(deps.nowMs(), 400), deps.maxBodyBytes);
    return;
  }
  const declared = request.headers['content-length'];
  if (declared === undefined) {
    // Also what a chunked body gets: supervisord never accepted one either.
    await answerAfterBody(exchange, errorPage(deps.nowMs(), 411), deps.maxBodyBytes);
    return;
  }
  if (Number(declared) > deps.maxBodyBytes) {
    answer(errorPage(deps.nowMs(), 413, { closeConnection: true }));
    return;
  }
  const read = await exchange.readBody(deps.maxBodyBytes);
  switch (read.kind) {
    case 'aborted':
      return;
    case 'too-large':
      answer(errorPage(deps.nowMs(), 413, { closeConnection: true }));
      return;
    case 'complete':
      break;
  }
  const response = await respondToBody(read.body, exchange.disconnected, deps);
  answer(response);
};

const respondToBody = async (
  body: Uint8Array,
  disconnected: AbortSignal,
  deps: Rpc2Deps,
): Promise<HttpResponse> => {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    deps.logger.log('error', 'XML-RPC request data is invalid: not UTF-8');
    return errorPage(deps.nowMs(), 400);
  }
  const decoded = decodeMethodCall(text);
  if (!decoded.ok) {
    deps.logger.log(
      'error',
      `XML-RPC request data ${JSON.stringify(text.slice(0, LOGGED_BODY_CHARS))} is invalid: ${decoded.message}`,
    );
    return errorPage(deps.nowMs(), 400);
  }
  const { methodName, params } = decoded.value;
  const outcome = await deps.call(methodName, params, { signal: disconnected });
  let encoded: EncodeResult;
  switch (outcome.kind) {
    case 'value':
      encoded = encodeMethodResponse(outcome.value);
      break;
    case 'fault':
      encoded = encodeFaultResponse(FAULT_CODES[outcome.fault.fault], faultString(outcome.fault));
      break;
    case 'crash':
      deps.logger.log(
        'critical',
        `Handling XML-RPC request ${methodName}() raised an unexpected exception: ${crashDetail(outcome.error)}`,
      );
      return errorPage(deps.nowMs(), 500);
  }
  if (!encoded.ok) {
    deps.logger.log(
      'critical',
      `XML-RPC ${methodName}() returned a value that cannot be sent: ${encoded.message}`,
    );
    return errorPage(deps.nowMs(), 500);
  }
  return okResponse(deps.nowMs(), 'text/xml', encoded.text);
};

const crashDetail = (error: unknown): string =>
  error instanceof Error && error.stack !== undefined ? error.stack : describeCrash(error);
