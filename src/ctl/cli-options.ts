// tssupervisorctl's command line: supervisorctl's options (-c -s -u -p -r -i -h) plus ours
// (--json, --sequential, --version), checked as getopt would, then parsed with commander into options
// and the command words.

import { Command } from 'commander';

import { reprString } from '../model/python-repr.js';
import { scanOptions, type OptionSpec } from './getopt-scan.js';

export interface CliOptions {
  readonly configuration: string | null;
  readonly serverUrl: string | null;
  readonly username: string | null;
  readonly password: string | null;
  readonly historyFile: string | null;
  readonly json: boolean;
  readonly sequential: boolean;
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
  { short: 's', long: 'serverurl', takesValue: true, once: true, flags: '-s, --serverurl <url>' },
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
];

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
    if (spec.short === 's' && value !== null && !isUrl(value)) {
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
      serverUrl: text(opts['serverurl']),
      username: text(opts['username']),
      password: text(opts['password']),
      historyFile: text(opts['history_file']),
      json: opts['json'] === true,
      sequential: opts['sequential'] === true,
    },
    words: program.args,
  };
};
