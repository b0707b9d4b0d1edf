// A bare XML-RPC POST over the unix socket, timed to the last byte of the response and not
// decoded: what the daemon itself takes to answer, without the client's XML parsing.

import http from 'node:http';

import { encodeMethodCall } from '../../src/protocol/xmlrpc/xmlrpc-encode.js';

export interface RawRpc {
  /** ms until the whole response arrived; rejects on a non-200 answer */
  time(method: string): Promise<{ readonly ms: number; readonly bytes: number }>;
  close(): void;
}

export const rawRpc = (socket: string): RawRpc => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const bodies = new Map<string, Buffer>();
  const bodyOf = (method: string): Buffer => {
    let body = bodies.get(method);
    if (body === undefined) {
      const encoded = encodeMethodCall(method, []);
      if (!encoded.ok) {
        throw new Error(encoded.message);
      }
      body = Buffer.from(encoded.text, 'utf8');
      bodies.set(method, body);
    }
    return body;
  };
  return {
    time: (method) =>
      new Promise((resolve, reject) => {
        const body = bodyOf(method);
        const t0 = performance.now();
        const request = http.request(
          {
            agent,
            socketPath: socket,
            method: 'POST',
            path: '/RPC2',
            headers: { 'Content-Type': 'text/xml', 'Content-Length': String(body.length) },
          },
          (response) => {
            let bytes = 0;
            response.on('data', (chunk: Buffer) => (bytes += chunk.length));
            response.on('end', () => {
              if (response.statusCode === 200) {
                resolve({ ms: performance.now() - t0, bytes });
              } else {
                reject(new Error(`${method}: HTTP ${response.statusCode ?? '?'}`));
              }
            });
          },
        );
        request.on('error', reject);
        request.end(body);
      }),
    close: () => agent.destroy(),
  };
};
