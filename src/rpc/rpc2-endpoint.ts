// `POST /RPC2`: the request body (bounded, UTF-8) → decoded call → dispatcher → encoded answer.
// Malformed requests get supervisord's HTTP statuses (400, 411) plus 413 for oversized bodies;
// a handler crash or an unencodable result is a 500, and the daemon carries on. Big answers (a
// getAllProcessInfo of 1000 processes is 1.1 MB) are encoded and sent a chunk at a time.

import { FAULT_CODES, faultString } from '../model/faults.js';
import type { HttpExchange, HttpResponse } from '../ports/http-transport.js';
import type { DaemonLogger } from '../ports/logger.js';
import { answerAfterBody } from './answer-after-body.js';
import { describeCrash, type CallMethod } from './dispatch.js';
import { errorPage, okHead, okResponse } from './http-responses.js';
import { decodeMethodCall } from '../protocol/xmlrpc/xmlrpc-decode.js';
import {
  encodeFaultResponse,
  encodeMethodResponseChunks,
  type ChunkedDocument,
  type EncodeResult,
} from '../protocol/xmlrpc/xmlrpc-encode.js';

export interface Rpc2Deps {
  readonly call: CallMethod;
  readonly logger: DaemonLogger;
  readonly nowMs: () => number;
  readonly maxBodyBytes: number;
}

/** How much of a bad request body goes into the log line. */
const LOGGED_BODY_CHARS = 500;

/**
 * Answers longer than this are streamed: encoded as the connection takes them, so that no
 * megabyte string, nor the chunks of one, lives long enough to be promoted to V8's old space.
 */
const STREAM_ABOVE_BYTES = 64 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A whole answer, or a big one to be sent a chunk at a time. */
type Answer = HttpResponse | { readonly chunked: ChunkedDocument };

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
  if ('chunked' in response) {
    await sendChunked(exchange, response.chunked, deps);
  } else {
    answer(response);
  }
};

/**
 * A stream whose head carries the Content-Length, so node:http sends it as is, not chunked:
 * supervisorctl needs the length. Each chunk is encoded once the previous one is taken.
 */
const sendChunked = async (
  exchange: HttpExchange,
  document: ChunkedDocument,
  deps: Rpc2Deps,
): Promise<void> => {
  // A function, not a property read, so that TypeScript does not take it for a constant.
  const gone = (): boolean => exchange.disconnected.aborted;
  if (gone()) {
    return;
  }
  const out = exchange.openStream(okHead(deps.nowMs(), 'text/xml', document.byteLength));
  let sent = 0;
  for (let chunk = document.nextChunk(); chunk !== undefined; chunk = document.nextChunk()) {
    if (gone()) {
      break;
    }
    sent += Buffer.byteLength(chunk);
    if (!out.write(chunk)) {
      await out.drained();
    }
  }
  if (!gone() && sent !== document.byteLength) {
    // Only a value that changed while it was sent can get here; the client sees a bad length.
    deps.logger.log(
      'critical',
      `XML-RPC response of ${sent} bytes sent with Content-Length ${document.byteLength}`,
    );
  }
  out.end();
};

const respondToBody = async (
  body: Uint8Array,
  disconnected: AbortSignal,
  deps: Rpc2Deps,
): Promise<Answer> => {
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
    case 'value': {
      const chunked = encodeMethodResponseChunks(outcome.value);
      if (!chunked.ok) {
        encoded = chunked;
        break;
      }
      if (chunked.document.byteLength > STREAM_ABOVE_BYTES) {
        return { chunked: chunked.document };
      }
      encoded = { ok: true, text: wholeText(chunked.document) };
      break;
    }
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

const wholeText = (document: ChunkedDocument): string => {
  let text = '';
  for (let chunk = document.nextChunk(); chunk !== undefined; chunk = document.nextChunk()) {
    text += chunk;
  }
  return text;
};

const crashDetail = (error: unknown): string =>
  error instanceof Error && error.stack !== undefined ? error.stack : describeCrash(error);
