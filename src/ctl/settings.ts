// Where the ctl connects and how it behaves: command-line options over the [supervisorctl]
// section of the config file (given with -c or found on the default path) over defaults.

import type { CliOptions } from './cli-options.js';
import type { CtlDeps, ServerTarget } from './deps.js';

export const DEFAULT_SERVER_URL = 'http://localhost:9001';
export const DEFAULT_PROMPT = 'supervisor';

export interface CtlSettings {
  readonly target: ServerTarget;
  readonly prompt: string;
  readonly historyFile: string | null;
}

export type SettingsResult =
  | { readonly ok: true; readonly settings: CtlSettings }
  /** Exit 2 with this message, as supervisorctl does for config problems. */
  | { readonly ok: false; readonly message: string };

export const resolveSettings = (
  cli: CliOptions,
  deps: Pick<CtlDeps, 'findConfigFile' | 'loadConfig'>,
): SettingsResult => {
  // Without -c a config file is optional; once there is one, it must have [supervisorctl].
  const file = cli.configuration ?? deps.findConfigFile();
  let fromFile = null;
  if (file !== undefined) {
    const loaded = deps.loadConfig(file);
    if (!loaded.ok) {
      return { ok: false, message: loaded.errors[0]?.message ?? `could not read ${file}` };
    }
    fromFile = loaded.config;
  }
  return {
    ok: true,
    settings: {
      target: {
        // A -s URL is used as given; the file's unix:// path was made absolute when read.
        serverUrl: cli.serverUrl ?? fromFile?.serverUrl ?? DEFAULT_SERVER_URL,
        username: cli.username ?? fromFile?.username ?? null,
        password: cli.password ?? fromFile?.password ?? null,
      },
      prompt: fromFile?.prompt ?? DEFAULT_PROMPT,
      // supervisorctl 4.2.5 ignores -r (it reads only the file's history_file); we honour it.
      historyFile: cli.historyFile ?? fromFile?.historyFile ?? null,
    },
  };
};
