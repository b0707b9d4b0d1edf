// Answering a request without using its body (401, 404, 400, 411): read and drop the body
// first, as supervisord does, so a client still sending it gets the answer, not a broken pipe.

import type { HttpExchange, HttpResponse } from '../ports/http-transport.js';

export const answerAfterBody = async (
  exchange: HttpExchange,
  response: HttpResponse,
  maxBodyBytes: number,
): Promise<void> => {
  const { headers } = exchange.request;
  const declared = headers['content-length'];
  const hasBody =
    headers['transfer-encoding'] !== undefined || (declared !== undefined && Number(declared) > 0);
  // An announced oversized body is not worth reading: answer and close right away.
  if (hasBody && (declared === undefined || Number(declared) <= maxBodyBytes)) {
    const read = await exchange.readBody(maxBodyBytes);
    if (read.kind === 'aborted') {
      return;
    }
  }
  if (!exchange.disconnected.aborted) {
    exchange.respond(response);
  }
};
