// The Prober port: run one readiness or liveness check (an HTTP GET, a TCP connect, a command) and
// say whether it passed. platform/node-prober.ts is the real one; the engine's fakes answer at will.

import type { ProbeTarget } from '../model/probe.js';

export type { ProbeTarget };

/** The process the probe is about: an exec probe runs as it would (environment, cwd, user). */
export interface ProbeSubject {
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string | null;
  readonly uid: number | null;
  readonly gid: number | null;
}

/** `reason` is short and human, shown in status: `connection refused`, `HTTP 503`, `exit status 1`, `timed out after 1 s`. */
export type ProbeResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Asked only by an exec probe: working out a process's environment and user costs more than an
 * http or tcp probe itself (measured: 40% of the daemon's probe CPU at 1000 probes a second).
 */
export type SubjectOf = () => ProbeSubject;

export interface Prober {
  /**
   * Run one probe; always resolves (never rejects) within about `timeoutMs`, after which a probe
   * still running is abandoned (its socket destroyed, its command's process group killed).
   */
  probe(target: ProbeTarget, subject: SubjectOf, timeoutMs: number): Promise<ProbeResult>;
}
