// Measures how long the daemon takes to answer supervisor.getState, asked again and again over
// its unix socket while a fault runs: every answer's latency, and the calls that got none in time.

import http from 'node:http';

import { DEFAULT_SPAWN_PACING } from '../../src/engine/spawn-pacer.js';

const GET_STATE =
  '<?xml version="1.0"?><methodCall><methodName>supervisor.getState</methodName><params/></methodCall>';

/** One getState over the socket: its latency in ms, or null when no 200 came within timeoutMs. */
export const timeGetState = (socketPath: string, timeoutMs: number): Promise<number | null> =>
  new Promise((resolve) => {
    const startedMs = performance.now();
    const request = http.request(
      {
        socketPath,
        path: '/RPC2',
        method: 'POST',
        headers: { 'Content-Type': 'text/xml', 'Content-Length': Buffer.byteLength(GET_STATE) },
        timeout: timeoutMs,
        agent: false,
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => {
          const ok = response.statusCode === 200 && body.includes('<name>statename</name>');
          resolve(ok ? performance.now() - startedMs : null);
        });
      },
    );
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(null));
    request.end(GET_STATE);
  });

export interface LatencyRecord {
  readonly latenciesMs: number[];
  /** calls that failed or got no answer within the timeout */
  readonly failures: number;
}

/** Calls getState back to back (`gapMs` apart) until stop() is called; resolves the record. */
export const probeLatency = (
  socketPath: string,
  { gapMs = 20, timeoutMs = 5000 } = {},
): { stop: () => Promise<LatencyRecord> } => {
  const latenciesMs: number[] = [];
  let failures = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const latency = await timeGetState(socketPath, timeoutMs);
      if (latency === null) {
        failures += 1;
      } else {
        latenciesMs.push(latency);
      }
      await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { latenciesMs, failures };
    },
  };
};

/** The q-quantile (0..1) of the values, nearest rank. */
export const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
};

/**
 * The getState p99 a responsive daemon stays under while it spawns at full pace: 100 ms, or on a
 * machine where one spawn (fork and exec, as the daemon's own log paces them) is slow, four of the
 * pacer's slices, each one slice budget plus the spawn that crosses it. A daemon that holds the
 * event loop for a batch of spawns answers in seconds; a slow machine's forks alone do not
 * make a responsive one fail (CI's forks took 2-3 times ours).
 */
export const responsiveP99Ms = (spawnMsEach: number): number =>
  Math.max(100, 4 * (DEFAULT_SPAWN_PACING.sliceMs + spawnMsEach));
