// The [supervisorctl] section, for the ctl (which reads only the named file, no [include]) and
// for the daemon's Config. A missing section is the reference's exit-2 error for the ctl.

import { readFleetSections } from './ctl-fleet.js';
import { absoluteServerUrl } from './ctl-server-url.js';
import { configError } from './errors.js';
import type { ConfigHost } from './host.js';
import { readMainFile } from './include.js';
import {
  convertContext,
  sectionContext,
  startupEnvNames,
  type LoadContext,
} from './load-context.js';
import { dirname, normalizePath } from './posix-path.js';
import { readOptions } from './read-options.js';
import { SUPERVISORCTL_OPTIONS } from './schema.js';
import type { ConfigError, SupervisorctlConfig } from './types.js';

const SECTION = 'supervisorctl';

/** Why the ctl could not use its config file; all are exit status 2 in the reference's terms. */
export type CtlConfigProblem = 'not-found' | 'unreadable' | 'parse' | 'no-section' | 'invalid';

export type CtlLoadResult =
  | { readonly ok: true; readonly config: SupervisorctlConfig; readonly file: string }
  | {
      readonly ok: false;
      readonly problem: CtlConfigProblem;
      readonly errors: readonly ConfigError[];
    };

/** The [supervisorctl] values (and our [supervisorctl:NAME] fleet), paths made absolute. */
export const readSupervisorctl = (
  ctx: LoadContext,
):
  | { readonly ok: true; readonly config: SupervisorctlConfig }
  | { readonly ok: false; readonly errors: readonly ConfigError[] } => {
  const read = readOptions(SUPERVISORCTL_OPTIONS, sectionContext(ctx, SECTION));
  if (!read.ok) {
    return read;
  }
  const fleet = readFleetSections(ctx);
  if (!fleet.ok) {
    return fleet;
  }
  const { serverurl, prompt, username, password, history_file: history } = read.values;
  const historyFile =
    history === null || history === ''
      ? null
      : normalizePath(history, ctx.host.cwd, ctx.convert.homes);
  return {
    ok: true,
    config: {
      serverUrl: absoluteServerUrl(serverurl, ctx),
      username,
      password,
      prompt,
      historyFile,
      fleet: fleet.fleet,
    },
  };
};

const problemOf = (message: string): CtlConfigProblem => {
  if (message.startsWith('could not find')) {
    return 'not-found';
  }
  return message.startsWith('could not read') ? 'unreadable' : 'parse';
};

export const loadCtlConfig = (path: string, host: ConfigHost): CtlLoadResult => {
  const main = readMainFile(path, host);
  if (!main.ok) {
    return { ok: false, problem: problemOf(main.errors[0]?.message ?? ''), errors: main.errors };
  }
  if (!main.doc.sections.has(SECTION)) {
    const error = configError({ file: path }, '.ini file does not include supervisorctl section');
    return { ok: false, problem: 'no-section', errors: [error] };
  }
  const ctx: LoadContext = {
    host,
    convert: convertContext(host),
    doc: main.doc,
    mainFile: path,
    here: dirname(normalizePath(path, host.cwd, convertContext(host).homes)),
    env: startupEnvNames(host),
  };
  const read = readSupervisorctl(ctx);
  if (!read.ok) {
    return { ok: false, problem: 'invalid', errors: read.errors };
  }
  return { ok: true, config: read.config, file: path };
};
