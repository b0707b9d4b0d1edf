// The Prober port: run one readiness or liveness check (an HTTP GET, a TCP connect, a command) and
// say whether it passed. platform/node-prober.ts is the real one; the engine's fakes answer at will.

/** What a probe option (`readiness_probe=`, `liveness_probe=`) names, minus `log:` (engine-side). */
export type ProbeTarget =
  /** ready on a 2xx or 3xx answer to a GET of `url` (http: only) */
  | { readonly kind: 'http'; readonly url: string }
  /** ready when a connection to host:port is accepted */
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }
  /** ready when the command, run by /bin/sh -c, exits 0 */
  | { readonly kind: 'exec'; readonly command: string };

/** The process the probe is about: an exec probe runs as it would (environment, cwd, user). */
export interface ProbeSubject {
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string | null;
  readonly uid: number | null;
  readonly gid: number | null;
}

/** `reason` is short and human, shown in status: `connection refused`, `HTTP 503`, `exit status 1`, `timed out after 1 s`. */
export type ProbeResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface Prober {
  /**
   * Run one probe; always resolves (never rejects) within about `timeoutMs`, after which a probe
   * still running is abandoned (its socket destroyed, its command's process group killed).
   */
  probe(target: ProbeTarget, subject: ProbeSubject, timeoutMs: number): Promise<ProbeResult>;
}
