// One plain HTTP GET to a daemon's listener (unix socket or TCP), with optional basic auth: its
// status, headers and body as text. For the endpoints that are not XML-RPC (/metrics, /readyz).

import { request } from 'node:http';

export interface HttpGetResult {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

export type Listener = { readonly socketPath: string } | { readonly port: number };

export const httpGet = (
  listener: Listener,
  path: string,
  credentials?: { readonly username: string; readonly password: string },
): Promise<HttpGetResult> =>
  new Promise((resolve, reject) => {
    const req = request(
      {
        ...('socketPath' in listener
          ? { socketPath: listener.socketPath }
          : { host: '127.0.0.1', port: listener.port }),
        path,
        method: 'GET',
        agent: false,
        headers:
          credentials === undefined
            ? {}
            : {
                Authorization: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`,
              },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
