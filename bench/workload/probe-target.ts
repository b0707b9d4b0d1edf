// What the probes scenario's probes ask: one HTTP server in the bench process that answers every
// GET with 200 and counts them, so 1000 processes can be probed without 1000 servers (the
// daemon's cost is the same whoever answers).

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProbeTarget {
  /** `http://127.0.0.1:PORT/health` */
  readonly url: string;
  /** requests answered so far */
  requests(): number;
  close(): Promise<void>;
}

export const startProbeTarget = (): Promise<ProbeTarget> =>
  new Promise((resolve, reject) => {
    let count = 0;
    const server = createServer((request, response) => {
      count += 1;
      request.resume();
      response.writeHead(200, { 'Content-Type': 'text/plain', Connection: 'close' });
      response.end('ok\n');
    });
    server.once('error', reject);
    // 1000 processes become ready to probe within a few hundred ms: a backlog beyond Node's
    // default 511, or dropped SYNs make probes time out for reasons of the bench's own making.
    server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/health`,
        requests: () => count,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
