// The real OpenLogStream: one GET on its own connection (unix socket or TCP) whose body is
// passed on chunk by chunk until the server ends it or the caller aborts.
// Node I/O in src/ctl: this adapter belongs in src/platform/ (see docs/ctl.md, "Layout").

import http from 'node:http';

import type { LogStreamEnd, LogStreamRequest } from '../ports/log-stream.js';

export const openHttpLogStream = (request: LogStreamRequest): Promise<LogStreamEnd> =>
  new Promise((resolve) => {
    const { endpoint, signal } = request;
    // Aborted before it began (the dashboard's selection moved on): no request at all.
    if (signal.aborted) {
      resolve({ kind: 'aborted' });
      return;
    }
    let settled = false;
    const settle = (end: LogStreamEnd): void => {
      if (!settled) {
        settled = true;
        signal.removeEventListener('abort', abort);
        req.destroy();
        resolve(end);
      }
    };
    const headers: Record<string, string> = {
      Accept: '*/*',
      'User-Agent': 'tssupervisorctl',
      // supervisord (medusa) sends nothing at all for `Connection: close`, which Node adds to a
      // request without an agent: it waits for the never-ending body to finish.
      Connection: 'keep-alive',
    };
    // As supervisorctl: credentials go along whenever a password is set.
    if (request.password !== null && request.password !== '') {
      const token = `${request.username ?? ''}:${request.password}`;
      headers['Authorization'] = `Basic ${Buffer.from(token, 'utf8').toString('base64')}`;
    }
    const req = http.request({
      agent: false,
      method: 'GET',
      path: request.path,
      headers,
      ...(endpoint.kind === 'unix'
        ? { socketPath: endpoint.path }
        : { host: endpoint.host, port: endpoint.port }),
    });
    // First of all: a destroyed request emits 'error' ("socket hang up"), and an 'error' with
    // no listener ends the process (the dashboard quit when its selection moved fast).
    req.on('error', (error: NodeJS.ErrnoException) => {
      settle(
        error.syscall === 'connect'
          ? { kind: 'connect-failed', code: error.code ?? 'UNKNOWN', message: error.message }
          : { kind: 'failed', message: error.message },
      );
    });
    const abort = (): void => settle({ kind: 'aborted' });
    signal.addEventListener('abort', abort);
    req.on('response', (response) => {
      const status = response.statusCode ?? 0;
      if (status !== 200) {
        settle({ kind: 'http-status', status });
        return;
      }
      response.on('data', (chunk: Buffer) => request.onData(chunk));
      response.on('end', () => settle({ kind: 'ended' }));
      response.on('error', (error) => settle({ kind: 'failed', message: error.message }));
    });
    req.end();
  });
