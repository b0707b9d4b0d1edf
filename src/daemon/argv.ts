// supervisord's command line, GNU getopt style (bundled short flags, `--long=value`, unique
// prefixes of long options), parsed into raw option values. Pure: converting values is load's job.

export type DaemonOptionKey =
  | 'configuration'
  | 'nodaemon'
  | 'silent'
  | 'help'
  | 'version'
  | 'test'
  | 'user'
  | 'umask'
  | 'directory'
  | 'logfile'
  | 'logfile_maxbytes'
  | 'logfile_backups'
  | 'loglevel'
  | 'pidfile'
  | 'identifier'
  | 'childlogdir'
  | 'nocleanup'
  | 'minfds'
  | 'minprocs'
  | 'strip_ansi'
  | 'profile_options';

interface OptionSpec {
  readonly key: DaemonOptionKey;
  readonly short: string | null;
  readonly takesValue: boolean;
}

/**
 * `-t` is our addition (validate and print, like `nginx -t`); supervisord's `-t` means
 * --strip_ansi, which stays available in its long form.
 */
const OPTIONS: readonly OptionSpec[] = [
  { key: 'configuration', short: 'c', takesValue: true },
  { key: 'nodaemon', short: 'n', takesValue: false },
  { key: 'silent', short: 's', takesValue: false },
  { key: 'help', short: 'h', takesValue: false },
  { key: 'version', short: 'v', takesValue: false },
  { key: 'test', short: 't', takesValue: false },
  { key: 'user', short: 'u', takesValue: true },
  { key: 'umask', short: 'm', takesValue: true },
  { key: 'directory', short: 'd', takesValue: true },
  { key: 'logfile', short: 'l', takesValue: true },
  { key: 'logfile_maxbytes', short: 'y', takesValue: true },
  { key: 'logfile_backups', short: 'z', takesValue: true },
  { key: 'loglevel', short: 'e', takesValue: true },
  { key: 'pidfile', short: 'j', takesValue: true },
  { key: 'identifier', short: 'i', takesValue: true },
  { key: 'childlogdir', short: 'q', takesValue: true },
  { key: 'nocleanup', short: 'k', takesValue: false },
  { key: 'minfds', short: 'a', takesValue: true },
  { key: 'minprocs', short: null, takesValue: true },
  { key: 'strip_ansi', short: null, takesValue: false },
  { key: 'profile_options', short: null, takesValue: true },
];

/** The long names accepted, including supervisord's spelling of --configuration. */
const LONG_NAMES: ReadonlyMap<string, OptionSpec> = new Map(
  OPTIONS.map((o) => [o.key === 'test' ? 'test' : o.key, o]),
);

export interface ParsedArgv {
  /** option key → value ('' for flags); with the flag as typed, for error messages */
  readonly values: ReadonlyMap<DaemonOptionKey, { readonly value: string; readonly flag: string }>;
}

export type ArgvResult =
  | { readonly ok: true; readonly argv: ParsedArgv }
  | { readonly ok: false; readonly message: string };

const fail = (message: string): ArgvResult => ({ ok: false, message });

const findLong = (typed: string): OptionSpec | string => {
  const exact = LONG_NAMES.get(typed);
  if (exact !== undefined) {
    return exact;
  }
  const matches = [...LONG_NAMES.entries()].filter(([name]) => name.startsWith(typed));
  const [first] = matches;
  if (matches.length === 1 && first !== undefined) {
    return first[1];
  }
  return matches.length === 0
    ? `option --${typed} not recognized`
    : `option --${typed} not a unique prefix`;
};

export const parseDaemonArgv = (args: readonly string[]): ArgvResult => {
  const values = new Map<DaemonOptionKey, { value: string; flag: string }>();
  const record = (spec: OptionSpec, value: string, flag: string): string | undefined => {
    if (values.has(spec.key)) {
      return `conflicting command line option '${flag}'`;
    }
    values.set(spec.key, { value, flag });
    return undefined;
  };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const typed = arg.slice(2, eq === -1 ? undefined : eq);
      const spec = findLong(typed);
      if (typeof spec === 'string') {
        return fail(spec);
      }
      let value = '';
      if (spec.takesValue) {
        if (eq !== -1) {
          value = arg.slice(eq + 1);
        } else if (i + 1 < args.length) {
          value = args[++i] ?? '';
        } else {
          return fail(`option --${spec.key} requires argument`);
        }
      } else if (eq !== -1) {
        return fail(`option --${spec.key} must not have an argument`);
      }
      const conflict = record(spec, value, `--${spec.key}`);
      if (conflict !== undefined) {
        return fail(conflict);
      }
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j] ?? '';
        const spec =
          letter === '?' ? LONG_NAMES.get('help') : OPTIONS.find((o) => o.short === letter);
        if (spec === undefined) {
          return fail(`option -${letter} not recognized`);
        }
        let value = '';
        if (spec.takesValue) {
          if (j + 1 < arg.length) {
            value = arg.slice(j + 1);
          } else if (i + 1 < args.length) {
            value = args[++i] ?? '';
          } else {
            return fail(`option -${letter} requires argument`);
          }
          j = arg.length;
        }
        const conflict = record(spec, value, `-${letter}`);
        if (conflict !== undefined) {
          return fail(conflict);
        }
      }
    } else {
      positional.push(arg);
    }
  }
  if (positional.length > 0) {
    return fail(
      `positional arguments are not supported: [${positional.map((p) => `'${p}'`).join(', ')}]`,
    );
  }
  return { ok: true, argv: { values } };
};
