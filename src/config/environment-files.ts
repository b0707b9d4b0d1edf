// environment_file= of a [program:x] or [eventlistener:x], once expanded: each file read through
// the host when the config is loaded and merged in order (a later file wins over an earlier one).

import { parseEnvFile } from './env-file-format.js';
import { pathExists } from './include.js';
import { normalizePath } from './posix-path.js';
import { InvalidValue } from './python-str.js';
import { decodeUtf8 } from './utf8.js';
import type { ConvertContext } from './values.js';

/** The paths of `PATH[, PATH…]`, `~` expanded, relative ones taken from the daemon's directory. */
export const environmentFilePaths = (text: string, ctx: ConvertContext): string[] =>
  text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => normalizePath(p, ctx.host.cwd, ctx.homes));

/** The variables of every file, later files winning; throws InvalidValue naming file and line. */
export const readEnvironmentFiles = (
  text: string,
  ctx: ConvertContext,
): Readonly<Record<string, string>> => {
  const merged = new Map<string, string>();
  for (const path of environmentFilePaths(text, ctx)) {
    if (!pathExists(ctx.host, path)) {
      throw new InvalidValue(`could not find environment file ${path}`);
    }
    const bytes = ctx.host.readFile(path);
    if (bytes === undefined) {
      throw new InvalidValue(`could not read environment file ${path}`);
    }
    const decoded = decodeUtf8(bytes);
    if (!decoded.ok) {
      throw new InvalidValue(`${path}:${decoded.problem.line}: not UTF-8`);
    }
    const parsed = parseEnvFile(decoded.text);
    if (!parsed.ok) {
      throw new InvalidValue(`${path}:${parsed.line}: ${parsed.message}`);
    }
    for (const [name, value] of Object.entries(parsed.vars)) {
      merged.set(name, value);
    }
  }
  return Object.fromEntries(merged);
};
