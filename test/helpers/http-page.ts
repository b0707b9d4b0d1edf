// One HTTP request to a daemon's web pages, over TCP or its unix socket, with whatever headers a
// test wants (Host, Origin, Sec-Fetch-Site, Authorization): status, headers and body back.
// Redirects are not followed, so tests see supervisord's 301 and its Location.

import { request } from 'node:http';

export type PageServer = { readonly port: number } | { readonly socketPath: string };

export interface PageAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
}

export interface PageRequest {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export const fetchPage = (
  server: PageServer,
  path: string,
  { method = 'GET', headers = {}, body }: PageRequest = {},
): Promise<PageAnswer> =>
  new Promise((resolve, reject) => {
    const req = request(
      {
        ...('port' in server ? { host: '127.0.0.1', port: server.port } : server),
        path,
        method,
        headers: {
          ...(body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(body)) }),
          ...headers,
        },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: Object.fromEntries(
              Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]),
            ),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });

export const basicAuth = (username: string, password: string): Record<string, string> => ({
  Authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`,
});

/** The credentials the web tests configure on their [inet_http_server]. */
export const WEB_LOGIN = { username: 'admin', password: 's3cret' } as const;

/** An [inet_http_server] on 127.0.0.1:`port` asking for WEB_LOGIN. */
export const inetHttpServerSection = (port: number): string => `[inet_http_server]
port=127.0.0.1:${port}
username=${WEB_LOGIN.username}
password=${WEB_LOGIN.password}
`;
