// The streaming GET port for `tail -f`, `maintail -f` and `fg`: /logtail/<name>/<channel> and
// /mainlogtail never end, so the whole-response client cannot serve them.

import type { HttpEndpoint } from './http-client-transport.js';

export interface LogStreamRequest {
  readonly endpoint: HttpEndpoint;
  /** e.g. `/logtail/web/stdout`, sent as it is (supervisorctl does not quote it). */
  readonly path: string;
  readonly username: string | null;
  readonly password: string | null;
  /** Ends the stream (Ctrl-C). */
  readonly signal: AbortSignal;
  readonly onData: (chunk: Uint8Array) => void;
}

export type LogStreamEnd =
  | { readonly kind: 'aborted' }
  /** The server finished the response (e.g. it shut down). */
  | { readonly kind: 'ended' }
  | { readonly kind: 'http-status'; readonly status: number }
  | { readonly kind: 'connect-failed'; readonly code: string; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };

export type OpenLogStream = (request: LogStreamRequest) => Promise<LogStreamEnd>;
