// supervisord's command line, GNU getopt style (bundled short flags, `--long=value`, unique
// prefixes of long options), parsed into raw option values. Pure: converting values is load's job.

export type DaemonOptionKey =
  | 'configuration'
  | 'nodaemon'
  | 'silent'
  | 'help'
  | 'version'
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
  | 'profile_options'
  | 'check_config';

interface OptionSpec {
  readonly key: DaemonOptionKey;
  readonly short: string | null;
  readonly takesValue: boolean;
  /** long names other than the key itself */
  readonly aliases?: readonly string[];
  /**
   * Ours, not supervisord's: abbreviated only where no option of supervisord's matches, so every
   * abbreviation supervisord accepts (`--ch` for --childlogdir) still means what it means there.
   */
  readonly ours?: true;
}

/** supervisord's options, with its letters and long names, then ours. */
const OPTIONS: readonly OptionSpec[] = [
  { key: 'configuration', short: 'c', takesValue: true },
  { key: 'nodaemon', short: 'n', takesValue: false },
  { key: 'silent', short: 's', takesValue: false },
  { key: 'help', short: 'h', takesValue: false },
  { key: 'version', short: 'v', takesValue: false },
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
  { key: 'strip_ansi', short: 't', takesValue: false },
  { key: 'minprocs', short: null, takesValue: true },
  { key: 'profile_options', short: null, takesValue: true },
  // Check the config and print its programs, like `nginx -t` (whose letter supervisord has taken).
  { key: 'check_config', short: null, takesValue: false, aliases: ['test'], ours: true },
];

/** Every long name: supervisord's spelling for its options, ours with dashes. */
const LONG_NAMES: ReadonlyMap<string, OptionSpec> = new Map(
  OPTIONS.flatMap((o) =>
    [o.ours === true ? o.key.replaceAll('_', '-') : o.key, ...(o.aliases ?? [])].map(
      (name) => [name, o] as const,
    ),
  ),
);

export interface ParsedArgv {
  /** option key → value ('' for flags); with the flag as typed, for error messages */
  readonly values: ReadonlyMap<DaemonOptionKey, { readonly value: string; readonly flag: string }>;
}

export type ArgvResult =
  | { readonly ok: true; readonly argv: ParsedArgv }
  | { readonly ok: false; readonly message: string };

const fail = (message: string): ArgvResult => ({ ok: false, message });

/**
 * The long option `typed` names, with its full name: written out, else a unique prefix of one of
 * supervisord's names, else (only then) a unique prefix of one of ours.
 */
const findLong = (typed: string): { readonly name: string; readonly spec: OptionSpec } | string => {
  const exact = LONG_NAMES.get(typed);
  if (exact !== undefined) {
    return { name: typed, spec: exact };
  }
  const prefixed = [...LONG_NAMES.entries()].filter(([name]) => name.startsWith(typed));
  const theirs = prefixed.filter(([, spec]) => spec.ours !== true);
  const matches = theirs.length > 0 ? theirs : prefixed;
  const [first] = matches;
  if (matches.length === 1 && first !== undefined) {
    return { name: first[0], spec: first[1] };
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
      const found = findLong(typed);
      if (typeof found === 'string') {
        return fail(found);
      }
      const { name, spec } = found;
      let value = '';
      if (spec.takesValue) {
        if (eq !== -1) {
          value = arg.slice(eq + 1);
        } else if (i + 1 < args.length) {
          value = args[++i] ?? '';
        } else {
          return fail(`option --${name} requires argument`);
        }
      } else if (eq !== -1) {
        return fail(`option --${name} must not have an argument`);
      }
      const conflict = record(spec, value, `--${name}`);
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
