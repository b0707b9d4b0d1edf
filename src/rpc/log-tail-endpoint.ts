// `GET /logtail/<namespec>[/<channel>]` and `GET /mainlogtail`: stream a log as it grows, with
// supervisord's headers, until the client goes away. What to stream comes from the log layer.

import type { HttpExchange } from '../ports/http-transport.js';
import type { LogChannel, LogTail, LogTailSource } from '../ports/log-tail.js';
import type { DaemonLogger } from '../ports/logger.js';
import { baseHeaders, errorPage, httpDate } from './http-responses.js';

export interface LogTailDeps {
  readonly source: LogTailSource | null;
  readonly logger: DaemonLogger;
  readonly nowMs: () => number;
}

/** Which log a `/logtail/...` path names; null when it names none (404). */
export const parseLogTailPath = (
  path: string,
): { namespec: string; channel: LogChannel } | null => {
  const rest = decodePath(path).replace(/^\/+/, '').split('/').slice(1);
  const [namespec, channel = 'stdout', ...extra] = rest;
  if (namespec === undefined || namespec === '' || extra.length > 0) {
    return null;
  }
  return channel === 'stdout' || channel === 'stderr' ? { namespec, channel } : null;
};

/** Lenient like supervisord's unquote: a malformed escape stays as written. */
const decodePath = (path: string): string => {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
};

/** `main` for /mainlogtail; else the /logtail path naming a process log. */
export type LogTailRequest =
  { readonly kind: 'main' } | { readonly kind: 'process'; readonly path: string };

export const handleLogTail = async (
  exchange: HttpExchange,
  which: LogTailRequest,
  deps: LogTailDeps,
): Promise<void> => {
  if (exchange.request.method !== 'GET') {
    exchange.respond(errorPage(deps.nowMs(), 400));
    return;
  }
  const tail = await openTail(which, deps.source);
  if (tail === null) {
    exchange.respond(errorPage(deps.nowMs(), 404));
    return;
  }
  await stream(exchange, tail, which.kind === 'main', deps);
};

const openTail = async (
  which: LogTailRequest,
  source: LogTailSource | null,
): Promise<LogTail | null> => {
  if (source === null) {
    return null;
  }
  if (which.kind === 'main') {
    return source.openMainLog();
  }
  const target = parseLogTailPath(which.path);
  return target === null ? null : source.openProcessLog(target.namespec, target.channel);
};

const stream = async (
  exchange: HttpExchange,
  tail: LogTail,
  isMain: boolean,
  deps: LogTailDeps,
): Promise<void> => {
  const out = exchange.openStream({
    status: 200,
    reason: 'OK',
    headers: [
      ...baseHeaders(deps.nowMs()),
      ['Last-Modified', httpDate(tail.modifiedMs)],
      ['Content-Type', 'text/plain;charset=utf-8'],
      // Tells a reverse proxy (nginx) not to buffer the stream; supervisord omits it on the main log.
      ...(isMain ? [] : [['X-Accel-Buffering', 'no'] as [string, string]]),
    ],
    closeConnection: false,
  });
  const { disconnected } = exchange;
  try {
    for await (const chunk of tail.follow(disconnected)) {
      if (disconnected.aborted) {
        break;
      }
      if (!out.write(chunk)) {
        await out.drained();
      }
    }
  } catch (error: unknown) {
    deps.logger.log(
      'error',
      `log tail stopped: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  out.end();
};
