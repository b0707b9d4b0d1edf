// tssupervisorctl's command line: supervisorctl's options (-c -s -u -p -r -i -h) plus ours
// (--json, --sequential, --version, --host, and -s given more than once for a fleet), checked
// as getopt would, then parsed with commander into options and the command words.

import { Command } from 'commander';

import { reprString } from '../model/python-repr.js';
import { scanOptions, type OptionSpec } from './getopt-scan.js';

export interface CliOptions {
  readonly configuration: string | null;
  /** Every -s in order: one is supervisorctl's server; more (or NAME=URL) make a fleet. */
  readonly serverUrls: readonly string[];
  readonly username: string | null;
  readonly password: string | null;
  readonly historyFile: string | null;
  readonly json: boolean;
  readonly sequential: boolean;
  /** Ours: the one host of the fleet to talk to. */
  readonly host: string | null;
}

export type CliParse =
  | { readonly kind: 'run'; readonly options: CliOptions; readonly words: readonly string[] }
  | { readonly kind: 'help' }
  /** ours: print our version and exit 0 */
  | { readonly kind: 'version' }
  /** getopt's message; printed as `Error: <message>` with exit 2. */
  | { readonly kind: 'usage-error'; readonly message: string };

interface CtlOptionSpec extends OptionSpec {
  readonly flags: string;
  /** supervisorctl refuses these twice ("conflicting command line option"). */
  readonly once: boolean;
}

const SPECS: readonly CtlOptionSpec[] = [
  {
    short: 'c',
    long: 'configuration',
    takesValue: true,
    once: true,
    flags: '-c, --configuration <file>',
  },
  { short: 'h', long: 'help', takesValue: false, once: false, flags: '-h, --help' },
  { short: '?', long: null, takesValue: false, once: false, flags: '-?' },
  { short: 'i', long: 'interactive', takesValue: false, once: true, flags: '-i, --interactive' },
  // Ours: more than once, a fleet (supervisorctl refuses a second -s).
  { short: 's', long: 'serverurl', takesValue: true, once: false, flags: '-s, --serverurl <url>' },
  { short: 'u', long: 'username', takesValue: true, once: true, flags: '-u, --username <user>' },
  {
    short: 'p',
    long: 'password',
    takesValue: true,
    once: true,
    flags: '-p, --password <password>',
  },
  {
    short: 'r',
    long: 'history_file',
    takesValue: true,
    once: true,
    flags: '-r, --history_file <file>',
  },
  { short: null, long: 'json', takesValue: false, once: false, addition: true, flags: '--json' },
  {
    short: null,
    long: 'sequential',
    takesValue: false,
    once: false,
    addition: true,
    flags: '--sequential',
  },
  {
    short: null,
    long: 'version',
    takesValue: false,
    once: false,
    addition: true,
    flags: '--version',
  },
  {
    short: null,
    long: 'host',
    takesValue: true,
    once: true,
    addition: true,
    flags: '--host <name>',
  },
];

/** Ours: `-s NAME=URL` names a fleet host (a name and `=` never start a URL). */
export const splitNamedUrl = (value: string): { name: string | null; url: string } => {
  const match = /^([^=:/]+)=(.*)$/s.exec(value);
  return match === null
    ? { name: null, url: value }
    : { name: match[1] ?? '', url: match[2] ?? '' };
};

/** supervisorctl's check for -s: Python urlparse finds a scheme and a host or a path. */
export const isUrl = (value: string): boolean => {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/s.exec(value);
  if (match === null) {
    return false;
  }
  const rest = (match[2] ?? '').replace(/[?#].*$/s, '');
  return rest.replace(/^\/\//, '') !== '';
};

const buildCommander = (): Command => {
  const program = new Command('tssupervisorctl')
    .helpOption(false)
    .argument('[command...]')
    .passThroughOptions()
    .allowExcessArguments()
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  for (const spec of SPECS) {
    program.option(spec.flags);
  }
  return program;
};

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export const parseCommandLine = (argv: readonly string[]): CliParse => {
  const scanned = scanOptions(argv, SPECS);
  if (!scanned.ok) {
    return { kind: 'usage-error', message: scanned.message };
  }
  // In order, as supervisorctl handles them: help exits at once, a bad value stops there.
  const seen = new Set<CtlOptionSpec>();
  for (const { spec, spelling, value } of scanned.occurrences) {
    if (spec.short === 'h' || spec.short === '?') {
      return { kind: 'help' };
    }
    if (spec.long === 'version') {
      return { kind: 'version' };
    }
    if (spec.short === 's' && value !== null && !isUrl(splitNamedUrl(value).url)) {
      return {
        kind: 'usage-error',
        message: `invalid value for ${spelling} ${reprString(value)}: value ${reprString(value)} is not a URL`,
      };
    }
    if (spec.once && seen.has(spec)) {
      return {
        kind: 'usage-error',
        message: `conflicting command line option ${reprString(spelling)}`,
      };
    }
    seen.add(spec);
  }
  const program = buildCommander();
  program.parse(scanned.argv, { from: 'user' });
  const opts: Record<string, unknown> = program.opts();
  return {
    kind: 'run',
    options: {
      configuration: text(opts['configuration']),
      serverUrls: scanned.occurrences.filter((o) => o.spec.short === 's').map((o) => o.value ?? ''),
      username: text(opts['username']),
      password: text(opts['password']),
      historyFile: text(opts['history_file']),
      json: opts['json'] === true,
      sequential: opts['sequential'] === true,
      host: text(opts['host']),
    },
    words: program.args,
  };
};
