// supervisorctl's `serverurl`: `unix:///path/to.sock` or `http://host[:port]` → an endpoint.
// As in supervisorctl, any path in an http URL is ignored: calls always go to /RPC2.

import type { HttpEndpoint } from '../ports/http-client-transport.js';

export type ServerUrlResult =
  | { readonly ok: true; readonly endpoint: HttpEndpoint }
  | { readonly ok: false; readonly message: string };

export const parseServerUrl = (url: string): ServerUrlResult => {
  if (url.startsWith('unix://')) {
    const path = url.slice('unix://'.length);
    return path === ''
      ? { ok: false, message: `no socket path in serverurl ${url}` }
      : { ok: true, endpoint: { kind: 'unix', path } };
  }
  if (url.startsWith('http://')) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { ok: false, message: `serverurl ${url} is not a URL` };
    }
    const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
    if (host === '') {
      return { ok: false, message: `no host in serverurl ${url}` };
    }
    return {
      ok: true,
      endpoint: { kind: 'tcp', host, port: parsed.port === '' ? 80 : Number(parsed.port) },
    };
  }
  return { ok: false, message: `Unknown protocol for serverurl ${url}` };
};

/** The endpoint as a serverurl again, for messages. */
export const describeEndpoint = (endpoint: HttpEndpoint): string =>
  endpoint.kind === 'unix'
    ? `unix://${endpoint.path}`
    : `http://${endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host}:${endpoint.port}`;

export interface UrlCredentials {
  /** The URL without `user:password@`, safe to show in messages. */
  readonly url: string;
  readonly username: string | null;
  readonly password: string | null;
}

/**
 * Ours, for fleet hosts: `http://user:password@host:port` carries its own basic-auth
 * credentials (percent-encoded as in any URL). supervisorctl's single serverurl never does.
 */
export const splitUrlCredentials = (url: string): UrlCredentials => {
  const match = /^(http:\/\/)([^/?#]*)@/i.exec(url);
  if (match === null) {
    return { url, username: null, password: null };
  }
  const userinfo = match[2] ?? '';
  const colon = userinfo.indexOf(':');
  const decode = (text: string): string => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  return {
    url: `${match[1] ?? ''}${url.slice(match[0].length)}`,
    username: decode(colon < 0 ? userinfo : userinfo.slice(0, colon)),
    password: colon < 0 ? null : decode(userinfo.slice(colon + 1)),
  };
};
