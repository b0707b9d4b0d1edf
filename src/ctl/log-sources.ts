// `logs`: which process logs a list of names means, their labels and colours, and their text cut
// into prefixed lines (docker compose / pm2 style: `web        | line`). Pure.

import { makeNamespec } from '../model/namespec.js';
import type { ProcessInfo } from '../protocol/process-info.js';

export type LogChannel = 'stdout' | 'stderr';

export interface LogSource {
  /** what the tail methods take: `group:name` */
  readonly namespec: string;
  readonly channel: LogChannel;
  /** `web`, `workers:w_0`, with ` (stderr)` for stderr */
  readonly label: string;
  /** an ANSI colour (31–36), one per process */
  readonly colour: number;
}

/** Cyan, yellow, green, magenta, blue; red is kept for the mark of stderr. */
const PALETTE = [36, 33, 32, 35, 34];
const RED = 31;

/** How supervisorctl names a process: `name` alone when it is its group's only member. */
const displayName = (p: ProcessInfo): string =>
  p.group === p.name ? p.name : `${p.group}:${p.name}`;

export interface Selection {
  readonly sources: readonly LogSource[];
  /** names that match no process */
  readonly unknown: readonly string[];
}

/**
 * The logs of `names` (all processes when empty): a process (`name`, `group:name`) or a group
 * (`group`, `group:*`), stdout and stderr each when it has a log file, in the daemon's order.
 */
export const selectSources = (
  infos: readonly ProcessInfo[],
  names: readonly string[],
): Selection => {
  const matches = (p: ProcessInfo, name: string): boolean => {
    const group = name.endsWith(':*') ? name.slice(0, -2) : null;
    if (group !== null) {
      return p.group === group;
    }
    return (
      name === p.group || name === makeNamespec(p.group, p.name) || name === `${p.group}:${p.name}`
    );
  };
  const unknown = names.filter((n) => !infos.some((p) => matches(p, n)));
  const chosen = names.length === 0 ? infos : infos.filter((p) => names.some((n) => matches(p, n)));
  const sources: LogSource[] = [];
  chosen.forEach((p, i) => {
    const colour = PALETTE[i % PALETTE.length] as number;
    const namespec = `${p.group}:${p.name}`;
    if (p.stdout_logfile !== '') {
      sources.push({ namespec, channel: 'stdout', label: displayName(p), colour });
    }
    if (p.stderr_logfile !== '') {
      sources.push({ namespec, channel: 'stderr', label: `${displayName(p)} (stderr)`, colour });
    }
  });
  return { sources, unknown };
};

/** `label | ` padded to `width`, coloured on a terminal (stderr's bar in red). */
export const linePrefix = (source: LogSource, width: number, colour: boolean): string => {
  const label = source.label.padEnd(width);
  if (!colour) {
    return `${label} | `;
  }
  const bar = source.channel === 'stderr' ? `\x1b[${RED}m|\x1b[0m` : '|';
  return `\x1b[${source.colour}m${label}\x1b[0m ${bar} `;
};

export const labelWidth = (sources: readonly LogSource[]): number =>
  Math.max(0, ...sources.map((s) => s.label.length));

/** The last `count` lines of `text` (a log's tail, whose first line may be cut: `cut`). */
export const lastLines = (text: string, count: number, cut: boolean): string[] => {
  const lines = text.split('\n');
  if (lines.at(-1) === '') {
    lines.pop();
  }
  if (cut && lines.length > 0) {
    lines.shift();
  }
  return count <= 0 ? [] : lines.slice(-count);
};

/**
 * A log's new text, cut into whole lines; an unfinished line waits for its end, or is given out
 * by `flush` (when it has waited a whole poll).
 */
export class LineSplitter {
  private held = '';

  get holding(): boolean {
    return this.held !== '';
  }

  push(text: string): string[] {
    const lines = (this.held + text).split('\n');
    this.held = lines.pop() ?? '';
    return lines;
  }

  flush(): string | null {
    const line = this.held;
    this.held = '';
    return line === '' ? null : line;
  }
}
