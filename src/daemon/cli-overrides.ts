// supervisord's command-line options that override [supervisord] values, in the loader's terms
// (flags become 'true'; values stay raw so the loader converts and names them in errors).

import type { SupervisordOverrides } from '../config/load.js';
import type { DaemonOptionKey, ParsedArgv } from './argv.js';

const FLAGS: ReadonlySet<DaemonOptionKey> = new Set([
  'nodaemon',
  'silent',
  'nocleanup',
  'strip_ansi',
]);

const NOT_CONFIG: ReadonlySet<DaemonOptionKey> = new Set([
  'configuration',
  'help',
  'version',
  'check_config',
  'profile_options',
]);

export const overridesFrom = (argv: ParsedArgv): SupervisordOverrides => {
  const out: Record<string, string> = {};
  for (const [key, { value }] of argv.values) {
    if (!NOT_CONFIG.has(key)) {
      out[key] = FLAGS.has(key) ? 'true' : value;
    }
  }
  return out;
};
