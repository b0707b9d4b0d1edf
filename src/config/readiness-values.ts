// Converters for our own options (readiness/liveness probes, depends_on, restart pacing): option
// text → typed value, or InvalidValue with a message naming what is wrong. supervisord ignores these keys.

import type { ProbeSpec } from '../model/probe.js';
import { InvalidValue, pyStrip } from './python-str.js';
import type { Dependency, DependencyCondition } from './types.js';

/** A non-negative number of seconds (`1`, `0.5`) → milliseconds. */
export const toSecondsMs = (raw: string): number => {
  const text = pyStrip(raw);
  const value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value)) {
    throw new InvalidValue(`not a number of seconds: '${raw}'`);
  }
  return Math.round(value * 1000);
};

/** A count of at least 1 (probe thresholds). */
export const toCount = (raw: string): number => {
  const text = pyStrip(raw);
  const value = /^\d+$/.test(text) ? Number(text) : 0;
  if (value < 1) {
    throw new InvalidValue(`not a whole number of at least 1: '${raw}'`);
  }
  return value;
};

const PROBE_FORMS = 'http://HOST:PORT/PATH, tcp://HOST:PORT, exec:COMMAND or log:REGEX';

const toPort = (text: string, raw: string): number => {
  const port = /^\d+$/.test(text) ? Number(text) : 0;
  if (port < 1 || port > 65535) {
    throw new InvalidValue(`no valid port in probe '${raw}'`);
  }
  return port;
};

const toTcpProbe = (rest: string, raw: string): ProbeSpec => {
  // tcp://host:port, tcp://[v6]:port, or tcp://:port / tcp://port for 127.0.0.1
  const bracketed = /^\[([^\]]+)\]:(\d+)\/?$/.exec(rest);
  if (bracketed !== null) {
    return { kind: 'tcp', host: bracketed[1] ?? '', port: toPort(bracketed[2] ?? '', raw) };
  }
  const colon = rest.replace(/\/$/, '').lastIndexOf(':');
  const host = colon === -1 ? '' : rest.slice(0, colon);
  const port = toPort(rest.replace(/\/$/, '').slice(colon + 1), raw);
  return { kind: 'tcp', host: host === '' ? '127.0.0.1' : host, port };
};

const toHttpProbe = (text: string, raw: string): ProbeSpec => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidValue(`not a valid URL in probe '${raw}'`);
  }
  if (url.hostname === '') {
    throw new InvalidValue(`no host in probe '${raw}'`);
  }
  return { kind: 'http', url: url.href };
};

const asProbe = (raw: string, allowLog: boolean): ProbeSpec => {
  const text = pyStrip(raw);
  const lower = text.toLowerCase();
  if (lower.startsWith('http://')) {
    return toHttpProbe(text, raw);
  }
  if (lower.startsWith('https://')) {
    throw new InvalidValue(`https probes are not supported (use http:// or tcp://): '${raw}'`);
  }
  if (lower.startsWith('tcp://')) {
    return toTcpProbe(text.slice('tcp://'.length), raw);
  }
  if (lower.startsWith('exec:')) {
    const command = pyStrip(text.slice('exec:'.length));
    if (command === '') {
      throw new InvalidValue(`no command in probe '${raw}'`);
    }
    return { kind: 'exec', command };
  }
  if (lower.startsWith('log:')) {
    if (!allowLog) {
      throw new InvalidValue(`log: probes only tell readiness, not liveness: '${raw}'`);
    }
    const pattern = text.slice('log:'.length);
    try {
      new RegExp(pattern);
    } catch (error) {
      throw new InvalidValue(
        `not a valid regular expression in probe '${raw}': ${(error as Error).message}`,
      );
    }
    return { kind: 'log', pattern };
  }
  throw new InvalidValue(`not a probe: '${raw}' (expected ${PROBE_FORMS})`);
};

export const toReadinessProbe = (raw: string): ProbeSpec => asProbe(raw, true);

export const toLivenessProbe = (raw: string): ProbeSpec => asProbe(raw, false);

const CONDITIONS: readonly DependencyCondition[] = ['ready', 'started', 'completed'];

/** `NAME[:CONDITION], …` (comma or whitespace separated); names are checked once all are loaded. */
export const toDependencies = (raw: string): Omit<Dependency, 'at'>[] => {
  const items = pyStrip(raw)
    .split(/[\s,]+/)
    .filter((item) => item !== '');
  const seen = new Set<string>();
  return items.map((item) => {
    const colon = item.lastIndexOf(':');
    const name = colon === -1 ? item : item.slice(0, colon);
    const condition = colon === -1 ? 'ready' : item.slice(colon + 1).toLowerCase();
    if (name === '') {
      throw new InvalidValue(`no name in depends_on entry '${item}'`);
    }
    if (!CONDITIONS.includes(condition as DependencyCondition)) {
      throw new InvalidValue(
        `unknown condition '${condition}' in depends_on entry '${item}' (expected ready, started or completed)`,
      );
    }
    if (seen.has(name)) {
      throw new InvalidValue(`'${name}' is named twice in depends_on`);
    }
    seen.add(name);
    return { name, condition: condition as DependencyCondition };
  });
};
