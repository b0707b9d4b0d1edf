// Asks a daemon `supervisor.getState` over and over while something else loads it, as a client
// polling it would: a raw POST on a fresh unix-socket connection (as supervisorctl connects),
// the next one 50 ms after the previous was sent or as soon as it settled, whichever is later;
// each with a 5 s timeout, so a stalled daemon shows as a run of 5 s timeouts and nothing here
// can hang the bench. (Sent on a fixed schedule instead, 20 probes/s overloaded supervisord's
// HTTP server during the storm: its answers slowed by ~45 ms per probe until they timed out.)

import http from 'node:http';

import { encodeMethodCall } from '../../src/protocol/xmlrpc/xmlrpc-encode.js';
import { sleep, wallMs } from '../clock.js';

export type ProbeOutcome =
  /** a complete HTTP 200 answer */
  | 'answered'
  /** no complete answer within the timeout */
  | 'timeout'
  /** the connection was refused or failed before the daemon had ever answered: not yet up */
  | 'not-listening'
  /** any other failure (refused once up, EAGAIN on a full backlog, a reset, a non-200) */
  | 'failed';

export interface Probe {
  /** wall-clock ms when it was sent */
  readonly sentAtMs: number;
  readonly outcome: ProbeOutcome;
  /** ms from sending to the last byte of the answer (or to the timeout / failure) */
  readonly ms: number;
}

export interface ProbeSettings {
  readonly everyMs: number;
  readonly timeoutMs: number;
}

export const PROBE_DEFAULTS: ProbeSettings = { everyMs: 50, timeoutMs: 5000 };

export interface StateProber {
  /** probes settled so far */
  readonly probes: readonly Probe[];
  /** stops sending; resolves with every probe once the outstanding ones have settled */
  stop(): Promise<readonly Probe[]>;
}

const BODY = ((): Buffer => {
  const encoded = encodeMethodCall('supervisor.getState', []);
  if (!encoded.ok) {
    throw new Error(encoded.message);
  }
  return Buffer.from(encoded.text, 'utf8');
})();

/** One getState POST on a new connection; never rejects, never outlives `timeoutMs` by much. */
const probeOnce = (
  socketPath: string,
  timeoutMs: number,
): Promise<{ readonly ok: boolean; readonly timedOut: boolean; readonly ms: number }> =>
  new Promise((resolve) => {
    const t0 = performance.now();
    let settled = false;
    const settle = (ok: boolean, timedOut: boolean): void => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        resolve({ ok, timedOut, ms: performance.now() - t0 });
      }
    };
    const request = http.request(
      {
        agent: false,
        socketPath,
        method: 'POST',
        path: '/RPC2',
        headers: { 'Content-Type': 'text/xml', 'Content-Length': String(BODY.length) },
      },
      (response) => {
        response.on('data', () => undefined);
        response.on('end', () => settle(response.statusCode === 200, false));
        response.on('error', () => settle(false, false));
      },
    );
    const timer = setTimeout(() => {
      settle(false, true);
      request.destroy();
    }, timeoutMs);
    request.on('error', () => settle(false, false));
    request.end(BODY);
  });

export const startStateProber = (
  socketPath: string,
  settings: ProbeSettings = PROBE_DEFAULTS,
): StateProber => {
  const probes: Probe[] = [];
  const outstanding = new Set<Promise<void>>();
  let everAnswered = false;
  let running = true;

  const send = (): Promise<void> => {
    const sentAtMs = wallMs();
    const done = probeOnce(socketPath, settings.timeoutMs).then(({ ok, timedOut, ms }) => {
      const outcome: ProbeOutcome = ok
        ? 'answered'
        : timedOut
          ? 'timeout'
          : everAnswered
            ? 'failed'
            : 'not-listening';
      everAnswered ||= ok;
      probes.push({ sentAtMs, outcome, ms });
    });
    outstanding.add(done);
    void done.finally(() => outstanding.delete(done));
    return done;
  };

  const loop = (async () => {
    while (running) {
      const due = performance.now() + settings.everyMs;
      await send();
      await sleep(Math.max(0, due - performance.now()));
    }
  })();

  return {
    probes,
    stop: async () => {
      running = false;
      await loop;
      await Promise.all([...outstanding]);
      return probes;
    },
  };
};

export interface ProbeSummary {
  /** probes that count: everything from the first one the daemon answered on */
  readonly counted: number;
  readonly unanswered: number;
  /** latencies of the counted probes, an unanswered one as the timeout (a lower bound) */
  readonly latencies: number[];
  /** wall-clock ms when the first answer arrived; null if none did */
  readonly firstAnswerAtMs: number | null;
}

/** Counts from the first answered probe on (before it the daemon was not listening yet). */
export const summarizeProbes = (
  probes: readonly Probe[],
  settings: ProbeSettings = PROBE_DEFAULTS,
): ProbeSummary => {
  const ordered = [...probes].sort((a, b) => a.sentAtMs - b.sentAtMs);
  const first = ordered.findIndex((p) => p.outcome === 'answered');
  // A probe sent before the first answered one may still have been accepted and left waiting
  // (a stalled daemon): those that timed out count too.
  const counted = ordered.filter((p, i) => (first >= 0 && i >= first) || p.outcome === 'timeout');
  const answered = ordered.filter((p) => p.outcome === 'answered').map((p) => p.sentAtMs + p.ms);
  return {
    counted: counted.length,
    unanswered: counted.filter((p) => p.outcome !== 'answered').length,
    latencies: counted.map((p) => (p.outcome === 'answered' ? p.ms : settings.timeoutMs)),
    firstAnswerAtMs: answered.length === 0 ? null : Math.min(...answered),
  };
};
