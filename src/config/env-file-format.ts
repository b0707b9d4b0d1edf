// The text of an environment_file: KEY=VALUE lines, `#` comments and blank lines, an optional
// `export ` prefix, values optionally in single or double quotes. Values are taken literally.

export type EnvFileParse =
  | { readonly ok: true; readonly vars: Readonly<Record<string, string>> }
  | { readonly ok: false; readonly line: number; readonly message: string };

/** Portable variable names (POSIX): a letter or `_`, then letters, digits and `_`. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const EXPORT = /^export[ \t]+/;
const BLANK = /^[ \t]*$/;

const quoted = (text: string): string => JSON.stringify(text);

/** The value after `=`: quoted (then only a comment may follow) or bare (up to ` #`). */
const valueOf = (rest: string): { readonly value: string } | { readonly problem: string } => {
  const text = rest.replace(/^[ \t]+/, '');
  const quote = text.charAt(0);
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, 1);
    if (close === -1) {
      return { problem: `no closing ${quote} in ${quoted(text)}` };
    }
    const after = text.slice(close + 1);
    if (!BLANK.test(after) && !/^[ \t]+#/.test(after)) {
      return { problem: `unexpected text after the closing ${quote}: ${quoted(after.trim())}` };
    }
    return { value: text.slice(1, close) };
  }
  const comment = text.search(/[ \t]#/);
  return { value: (comment === -1 ? text : text.slice(0, comment)).replace(/[ \t]+$/, '') };
};

export const parseEnvFile = (text: string): EnvFileParse => {
  const vars = new Map<string, string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) {
      continue;
    }
    const statement = line.replace(EXPORT, '');
    const equals = statement.indexOf('=');
    const fail = (message: string): EnvFileParse => ({ ok: false, line: index + 1, message });
    if (equals === -1) {
      return fail(`expected KEY=VALUE, got ${quoted(line)}`);
    }
    const name = statement.slice(0, equals).trim();
    if (!NAME.test(name)) {
      return fail(
        `${quoted(name)} is not a variable name (letters, digits and _, not first a digit)`,
      );
    }
    const value = valueOf(statement.slice(equals + 1));
    if ('problem' in value) {
      return fail(value.problem);
    }
    // The last assignment wins, as in a shell.
    vars.set(name, value.value);
  }
  return { ok: true, vars: Object.fromEntries(vars) };
};
