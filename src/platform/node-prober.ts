// The real Prober: an HTTP GET (node:http, no keep-alive), a TCP connect (node:net) or a command
// (/bin/sh -c, in its own process group), each settled exactly once within its timeout and
// leaving no socket or child behind. Failures become short reasons for status and the log.

import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { connect } from 'node:net';

import type { ProbeTarget } from '../model/probe.js';
import type { ProbeResult, Prober, SubjectOf } from '../ports/prober.js';

const PASSED: ProbeResult = { ok: true };

const failed = (reason: string): ProbeResult => ({ ok: false, reason });

/** `timed out after 1 s`, `timed out after 0.5 s` */
const timedOut = (timeoutMs: number): ProbeResult =>
  failed(`timed out after ${Math.round(timeoutMs / 100) / 10} s`);

const ERROR_WORDS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'timed out',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'no such host',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection reset',
};

const describeError = (error: unknown): string => {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return ERROR_WORDS[code] ?? (code === '' ? String(error) : code);
};

/**
 * One settlement per probe: the first of answer, error or timeout wins; `cleanup` (destroy the
 * socket, kill the command) runs once, whatever won.
 */
const settleOnce = (
  timeoutMs: number,
  start: (settle: (result: ProbeResult) => void) => () => void,
): Promise<ProbeResult> =>
  new Promise((resolve) => {
    const probe = { done: false, cleanup: (): void => undefined };
    const settle = (result: ProbeResult): void => {
      if (probe.done) {
        return;
      }
      probe.done = true;
      clearTimeout(timer);
      probe.cleanup();
      resolve(result);
    };
    const timer = setTimeout(() => settle(timedOut(timeoutMs)), timeoutMs);
    try {
      probe.cleanup = start(settle);
    } catch (error) {
      settle(failed(describeError(error)));
    }
    // Settled while starting (before the cleanup was known): clean up now.
    if (probe.done) {
      probe.cleanup();
    }
  });

const probeHttp = (url: string, timeoutMs: number): Promise<ProbeResult> => {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.resolve(failed('bad URL'));
  }
  if (target.protocol !== 'http:') {
    return Promise.resolve(failed(`${target.protocol.replace(':', '')} is not supported`));
  }
  return settleOnce(timeoutMs, (settle) => {
    const req = request(
      target,
      { method: 'GET', agent: false, headers: { 'User-Agent': 'tssupervisor-probe' } },
      (res) => {
        const status = res.statusCode ?? 0;
        // The status is the answer; the body is not needed (drop it, do not buffer it).
        res.resume();
        settle(status >= 200 && status < 400 ? PASSED : failed(`HTTP ${status}`));
      },
    );
    req.on('error', (error) => settle(failed(describeError(error))));
    req.end();
    return () => req.destroy();
  });
};

const probeTcp = (host: string, port: number, timeoutMs: number): Promise<ProbeResult> =>
  settleOnce(timeoutMs, (settle) => {
    const socket = connect({ host, port });
    socket.once('connect', () => settle(PASSED));
    socket.once('error', (error) => settle(failed(describeError(error))));
    return () => socket.destroy();
  });

const probeExec = (
  command: string,
  subjectOf: SubjectOf,
  timeoutMs: number,
): Promise<ProbeResult> =>
  settleOnce(timeoutMs, (settle) => {
    const subject = subjectOf();
    const child = spawn('/bin/sh', ['-c', command], {
      detached: true,
      stdio: 'ignore',
      env: subject.env,
      ...(subject.cwd === null ? {} : { cwd: subject.cwd }),
      ...(subject.uid === null ? {} : { uid: subject.uid }),
      ...(subject.gid === null ? {} : { gid: subject.gid }),
    });
    let exited = false;
    child.once('error', (error) => settle(failed(`could not run: ${error.message}`)));
    child.once('exit', (code, signal) => {
      exited = true;
      settle(
        code === 0
          ? PASSED
          : failed(signal === null ? `exit status ${code ?? 0}` : `killed by ${signal}`),
      );
    });
    return () => {
      // A command still running at its timeout goes with its whole process group.
      if (!exited && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    };
  });

export class NodeProber implements Prober {
  probe(target: ProbeTarget, subject: SubjectOf, timeoutMs: number): Promise<ProbeResult> {
    switch (target.kind) {
      case 'http':
        return probeHttp(target.url, timeoutMs);
      case 'tcp':
        return probeTcp(target.host, target.port, timeoutMs);
      case 'exec':
        return probeExec(target.command, subject, timeoutMs);
    }
  }
}
