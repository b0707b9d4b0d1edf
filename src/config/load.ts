// The config loader's public face: loadConfig (file → Config or ConfigErrors, in the reference's
// order of work), plus the ctl's loader, the default search path and error formatting.

import { checkDependencies } from './dependencies.js';
import { convertOverrides, type SupervisordOverrides } from './cli-overrides.js';
import { readSupervisorctl } from './ctl-config.js';
import { envNames } from './expand.js';
import { buildGroups } from './groups.js';
import type { ConfigHost } from './host.js';
import { readConfigFiles } from './include.js';
import { convertContext, startupEnvNames, type LoadContext } from './load-context.js';
import { abspath } from './posix-path.js';
import { readSupervisordSection, realizeSupervisord } from './supervisord-section.js';
import { buildServers, readRpcInterfaces } from './servers.js';
import type { ConfigError, LoadResult, ParseMessage, UnknownName } from './types.js';
import { findUnknownNames } from './unknown-names.js';

export { loadCtlConfig, type CtlConfigProblem, type CtlLoadResult } from './ctl-config.js';
export { formatConfigError } from './errors.js';
export { formatUnknownName } from './unknown-names.js';
export type { SupervisordOverrideKey, SupervisordOverrides } from './cli-overrides.js';
export { configSearchPaths, findConfigFile, noConfigFileMessage } from './search-path.js';

export interface LoadOptions {
  /** the daemon's uid: as root without [supervisord] user=, the reference logs a CRIT */
  readonly uid?: number;
  /** supervisord's command-line options (-n, -l, -u, ...): they win over the file */
  readonly overrides?: SupervisordOverrides;
}

const ROOT_WARNING =
  'Supervisor is running as root.  Privileges were not dropped because no user is specified in the config file.  If you intend to run as root, you can set user=root in the config file to avoid this message.';

const LEVEL_ORDER: Readonly<Record<ParseMessage['level'], number>> = {
  critical: 0,
  warn: 1,
  info: 2,
};

const fail = (
  errors: readonly ConfigError[],
  unknownNames: readonly UnknownName[] = [],
): LoadResult => ({ ok: false, errors, unknownNames });

/** Reads `path` (as given on the command line) and everything it includes. */
export const loadConfig = (
  path: string,
  host: ConfigHost,
  options: LoadOptions = {},
): LoadResult => {
  const convert = convertContext(host);
  const cli = convertOverrides(options.overrides ?? {}, convert);
  if (!cli.ok) {
    return fail(cli.errors);
  }
  const startEnv = startupEnvNames(host);
  const files = readConfigFiles(path, host, startEnv);
  if (!files.ok) {
    return fail(files.errors);
  }
  const { doc, here } = files.value;
  const unknownNames = findUnknownNames(doc);
  const base: LoadContext = {
    host,
    convert,
    doc,
    mainFile: path,
    here,
    env: startEnv,
  };
  const supervisord = readSupervisordSection(base);
  if (!supervisord.ok) {
    return fail(supervisord.errors, unknownNames);
  }
  // Programs may use the variables [supervisord] environment= defines as ENV_* names.
  const env = new Map([...startEnv, ...envNames(supervisord.values.environment)]);
  const ctx: LoadContext = { ...base, env };
  const rpc = readRpcInterfaces(ctx);
  const groups = buildGroups(ctx);
  const servers = buildServers(ctx);
  const realized = realizeSupervisord({ ...supervisord.values, ...cli.values }, ctx);
  const errors = [
    ...rpc.errors,
    ...groups.errors,
    ...(groups.errors.length === 0 ? checkDependencies(groups.groups) : []),
    ...servers.errors,
    ...(realized.ok ? [] : [realized.error]),
  ];
  if (!realized.ok || errors.length > 0) {
    return fail(errors, unknownNames);
  }
  // The daemon never reads [supervisorctl]: a bad value there is the ctl's problem, not ours.
  const ctl = doc.sections.has('supervisorctl') ? readSupervisorctl(base) : undefined;
  const messages: ParseMessage[] = [
    ...files.value.messages,
    ...rpc.messages,
    ...groups.warnings.map((text) => ({ level: 'warn', text }) as const),
  ];
  if (options.uid === 0 && realized.config.user === null) {
    messages.push({ level: 'critical', text: ROOT_WARNING });
  }
  messages.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  return {
    ok: true,
    config: {
      file: abspath(path, host.cwd),
      supervisord: realized.config,
      unixHttpServers: servers.unix,
      inetHttpServers: servers.inet,
      supervisorRpcEnabled: rpc.supervisorRpcEnabled,
      supervisorctl: ctl?.ok === true ? ctl.config : null,
      groups: groups.groups,
      files: files.value.files,
      messages,
      unknownNames,
    },
  };
};
