// The live UI's way to call the API: XML-RPC over fetch() to /ui/RPC2, beside the page, with
// the browser's saved credentials and the UI's header. Answers are read by the protocol module,
// exactly as the ctl's are; every failure is an RpcClientError.

import { RpcClientError } from '../../../protocol/client-error.js';
import { interpret, type RpcCaller } from '../../../protocol/client.js';
import { encodeMethodCall } from '../../../protocol/xmlrpc/xmlrpc-encode.js';
import { LIVE_RPC_NAME, LIVE_UI_HEADER } from '../live-ui-contract.js';

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export const fetchCaller = (fetchFn: Fetch, signal: AbortSignal): RpcCaller => ({
  call: async (methodName, params = []) => {
    const encoded = encodeMethodCall(methodName, params);
    if (!encoded.ok) {
      throw new TypeError(`cannot send ${methodName}(): ${encoded.message}`);
    }
    let status: number;
    let reason: string;
    let body: Uint8Array;
    try {
      const response = await fetchFn(LIVE_RPC_NAME, {
        method: 'POST',
        headers: { 'Content-Type': 'text/xml', [LIVE_UI_HEADER]: '1' },
        body: encoded.text,
        credentials: 'same-origin',
        cache: 'no-store',
        signal,
      });
      status = response.status;
      reason = response.statusText;
      body = new Uint8Array(await response.arrayBuffer());
    } catch (error: unknown) {
      // fetch() says no more than "failed to fetch": refused, reset and unreachable look alike.
      throw new RpcClientError({
        kind: 'transport-failed',
        message: `the daemon cannot be reached (${error instanceof Error ? error.message : String(error)})`,
      });
    }
    const result = interpret({ kind: 'response', status, reason, headers: {}, body }, 'the daemon');
    if (result.ok) {
      return result.value;
    }
    throw new RpcClientError(result.failure);
  },
});
