// What a readiness or liveness probe checks, as the config names it and the engine runs it:
// an HTTP GET, a TCP connect, a command, or (readiness only) a line of the program's output.

export type ProbeTarget =
  /** ready on a 2xx or 3xx answer to a GET of `url` (http: only) */
  | { readonly kind: 'http'; readonly url: string }
  /** ready when a connection to host:port is accepted */
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }
  /** ready when the command, run by /bin/sh -c, exits 0 */
  | { readonly kind: 'exec'; readonly command: string };

/** `log:REGEX`: ready when a line of stdout or stderr matches (JavaScript RegExp syntax). */
export interface LogProbe {
  readonly kind: 'log';
  readonly pattern: string;
}

export type ProbeSpec = ProbeTarget | LogProbe;

/** The option text a probe was written as, for logs and status (`http://127.0.0.1:8000/health`). */
export const describeProbe = (probe: ProbeSpec): string => {
  switch (probe.kind) {
    case 'http':
      return probe.url;
    case 'tcp':
      return `tcp://${probe.host.includes(':') ? `[${probe.host}]` : probe.host}:${probe.port}`;
    case 'exec':
      return `exec:${probe.command}`;
    case 'log':
      return `log:${probe.pattern}`;
  }
};
