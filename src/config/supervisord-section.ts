// The [supervisord] section: read with the schema, then "realized" as the reference does after
// parsing (user looked up, logfile and pidfile made absolute against the startup cwd).

import { configError } from './errors.js';
import { iniGet } from './ini.js';
import { sectionContext, type LoadContext } from './load-context.js';
import type { TableValues } from './option-spec.js';
import { normalizePath } from './posix-path.js';
import { InvalidValue } from './python-str.js';
import { readOptions, type ReadResult } from './read-options.js';
import { SUPERVISORD_OPTIONS } from './schema.js';
import type { ConfigError, SupervisordConfig } from './types.js';
import { toUser } from './values.js';

const SECTION = 'supervisord';

export type SupervisordValues = TableValues<typeof SUPERVISORD_OPTIONS>;

export const readSupervisordSection = (
  ctx: LoadContext,
): ReadResult<typeof SUPERVISORD_OPTIONS> => {
  if (!ctx.doc.sections.has(SECTION)) {
    return {
      ok: false,
      errors: [
        configError({ file: ctx.mainFile }, '.ini file does not include supervisord section'),
      ],
    };
  }
  return readOptions(SUPERVISORD_OPTIONS, sectionContext(ctx, SECTION));
};

export const realizeSupervisord = (
  values: SupervisordValues,
  ctx: LoadContext,
):
  | { readonly ok: true; readonly config: SupervisordConfig }
  | { readonly ok: false; readonly error: ConfigError } => {
  const { cwd } = ctx.host;
  const { homes } = ctx.convert;
  let user = null;
  if (values.user !== null) {
    try {
      user = toUser(values.user, ctx.convert);
    } catch (error) {
      if (!(error instanceof InvalidValue)) {
        throw error;
      }
      const found = iniGet(ctx.doc, SECTION, 'user');
      const place = { file: found?.file ?? ctx.mainFile, line: found?.line ?? null };
      return {
        ok: false,
        error: configError(
          { ...place, section: SECTION, option: 'user', value: values.user },
          error.message,
        ),
      };
    }
  }
  return {
    ok: true,
    config: {
      // `syslog` names the syslog service, not a file in the cwd.
      logfile: values.logfile === 'syslog' ? 'syslog' : normalizePath(values.logfile, cwd, homes),
      logfileMaxBytes: values.logfile_maxbytes,
      logfileBackups: values.logfile_backups,
      logLevel: values.loglevel,
      pidfile: normalizePath(values.pidfile, cwd, homes),
      umask: values.umask,
      nodaemon: values.nodaemon,
      silent: values.silent,
      minfds: values.minfds,
      minprocs: values.minprocs,
      nocleanup: values.nocleanup,
      childlogdir: values.childlogdir,
      user,
      directory: values.directory,
      stripAnsi: values.strip_ansi,
      environment: values.environment,
      identifier: values.identifier,
      forwardOutput: values.forward_output,
      syslogSocket: values.syslog_socket,
    },
  };
};
