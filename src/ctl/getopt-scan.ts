// supervisorctl parses its options with Python's getopt: options stop at the first command
// word, long options may be abbreviated to a unique prefix, and mistakes have fixed messages.
// This walk reproduces that, so commander only ever sees a command line getopt would accept.

export interface OptionSpec {
  readonly short: string | null;
  readonly long: string | null;
  readonly takesValue: boolean;
  /**
   * Ours, not supervisorctl's: abbreviations resolve to supervisorctl's options first, so an
   * addition never makes an abbreviation that worked there ambiguous (`--s` is --serverurl).
   */
  readonly addition?: boolean;
}

export interface Occurrence<S extends OptionSpec> {
  readonly spec: S;
  /** As getopt reports it: `-s`, or the full long name `--serverurl` even if abbreviated. */
  readonly spelling: string;
  readonly value: string | null;
}

export type ScanResult<S extends OptionSpec> =
  | {
      readonly ok: true;
      /** The options with long names written out in full, then the command words. */
      readonly argv: readonly string[];
      readonly occurrences: readonly Occurrence<S>[];
    }
  | { readonly ok: false; readonly message: string };

const fail = (message: string) => ({ ok: false, message }) as const;

export const scanOptions = <S extends OptionSpec>(
  argv: readonly string[],
  specs: readonly S[],
): ScanResult<S> => {
  const out: string[] = [];
  const occurrences: Occurrence<S>[] = [];
  let i = 0;
  while (i < argv.length) {
    const token = argv[i] ?? '';
    if (token === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (!token.startsWith('-') || token === '-') {
      out.push(...argv.slice(i));
      break;
    }
    i++;
    if (token.startsWith('--')) {
      const eq = token.indexOf('=');
      const name = token.slice(2, eq < 0 ? undefined : eq);
      const exact = specs.find((s) => s.long === name);
      const allPrefixed = specs.filter((s) => s.long?.startsWith(name) === true);
      const original = allPrefixed.filter((s) => s.addition !== true);
      const prefixed = original.length > 0 ? original : allPrefixed;
      const spec = exact ?? (prefixed.length === 1 ? prefixed[0] : undefined);
      if (spec === undefined) {
        return fail(
          prefixed.length > 1
            ? `option --${name} not a unique prefix`
            : `option --${name} not recognized`,
        );
      }
      const spelling = `--${spec.long ?? name}`;
      let value: string | null = null;
      if (spec.takesValue) {
        if (eq >= 0) {
          value = token.slice(eq + 1);
        } else if (i < argv.length) {
          value = argv[i] ?? '';
          i++;
        } else {
          return fail(`option ${spelling} requires argument`);
        }
        out.push(`${spelling}=${value}`);
      } else {
        if (eq >= 0) {
          return fail(`option ${spelling} must not have an argument`);
        }
        out.push(spelling);
      }
      occurrences.push({ spec, spelling, value });
      continue;
    }
    // A cluster of short options: `-is URL`, `-sURL`.
    for (let at = 1; at < token.length; at++) {
      const letter = token[at] ?? '';
      const spec = specs.find((s) => s.short === letter);
      if (spec === undefined) {
        return fail(`option -${letter} not recognized`);
      }
      if (!spec.takesValue) {
        out.push(`-${letter}`);
        occurrences.push({ spec, spelling: `-${letter}`, value: null });
        continue;
      }
      let value = token.slice(at + 1);
      if (value === '') {
        if (i >= argv.length) {
          return fail(`option -${letter} requires argument`);
        }
        value = argv[i] ?? '';
        i++;
      }
      out.push(`-${letter}`, value);
      occurrences.push({ spec, spelling: `-${letter}`, value });
      break;
    }
  }
  return { ok: true, argv: out, occurrences };
};
