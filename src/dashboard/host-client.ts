// One daemon as the dashboard's shell reaches it: the name the fleet knows it by ('' for the
// single daemon), its address for messages, its typed API and its log streams.

import type { LogStreamEnd } from '../ports/log-stream.js';
import type { DashboardApi } from './daemon-api.js';

/** Streams a log path until `signal` aborts or the stream ends. */
export type OpenDashboardLog = (
  path: string,
  signal: AbortSignal,
  onData: (chunk: Uint8Array) => void,
) => Promise<LogStreamEnd>;

export interface HostClient {
  readonly name: string;
  /** As the user gave it, for the header and messages. */
  readonly serverUrl: string;
  readonly api: DashboardApi;
  readonly openLog: OpenDashboardLog;
}
