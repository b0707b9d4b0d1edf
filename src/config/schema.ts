// Every section's options: key → converter, default and expansion scope. The ONLY home of
// defaults. Each table is in the order the reference reads the keys, so the first error matches.

import { toLogFormat } from './log-format-value.js';
import { optional, required, withDefault, type OptionSpec } from './option-spec.js';
import {
  toCount,
  toDependencies,
  toLivenessProbe,
  toReadinessProbe,
  toSecondsMs,
} from './readiness-values.js';
import {
  toCommaList,
  toCronSchedule,
  toDebounceMs,
  toMemoryLimit,
} from './restart-trigger-values.js';
import { toShutdownOn } from './shutdown-on-values.js';
import {
  toAutorestart,
  toBoolean,
  toByteSize,
  toEnvironment,
  toExistingDirectory,
  toExistingDirpath,
  toExitCodes,
  toInetAddress,
  toInteger,
  toListOfStrings,
  toLogfile,
  toLogLevel,
  toName,
  toOctal,
  toOwnership,
  toServerUrl,
  toSignal,
  toText,
  toUser,
  withMessage,
} from './values.js';

export const SUPERVISORD_OPTIONS = {
  minfds: withDefault(toInteger, '1024', 'here'),
  minprocs: withDefault(toInteger, '200', 'here'),
  directory: optional(toExistingDirectory, 'here'),
  /** checked against the user database after everything else, as the reference does */
  user: optional(toText, 'here'),
  umask: withDefault(toOctal, '022', 'here'),
  logfile: withDefault(toExistingDirpath, 'supervisord.log', 'here'),
  logfile_maxbytes: withDefault(toByteSize, '50MB', 'here'),
  logfile_backups: withDefault(toInteger, '10', 'here'),
  loglevel: withDefault(toLogLevel, 'info', 'here'),
  pidfile: withDefault(toExistingDirpath, 'supervisord.pid', 'here'),
  identifier: withDefault(toText, 'supervisor', 'here'),
  nodaemon: withDefault(toBoolean, 'false', 'here'),
  silent: withDefault(toBoolean, 'false', 'here'),
  childlogdir: {
    scope: 'here',
    convert: toExistingDirectory,
    absent: { kind: 'host', key: 'tempDir' },
  } satisfies OptionSpec<string>,
  nocleanup: withDefault(toBoolean, 'false', 'here'),
  strip_ansi: withDefault(toBoolean, 'false', 'here'),
  environment: {
    ...withDefault(toEnvironment, '', 'here'),
    again: { scope: 'include', label: 'environment' },
  },
  /** ours (docs/logging.md): the default of every program's stdout_forward and stderr_forward */
  forward_output: withDefault(toBoolean, 'false', 'here'),
  /** ours (docs/logging.md): the unix datagram socket syslog lines are sent to */
  syslog_socket: withDefault(toText, '/dev/log', 'here'),
} as const;

export const INCLUDE_OPTIONS = {
  files: required(toText, 'include', () => '.ini file has [include] section, but no files setting'),
} as const;

/** [group:x] */
export const GROUP_OPTIONS = {
  programs: withDefault(toListOfStrings, '', 'here'),
  priority: withDefault(toInteger, '999', 'here'),
} as const;

/** Read from a [program:x] section to build its homogeneous group. */
export const PROGRAM_GROUP_OPTIONS = {
  priority: withDefault(toInteger, '999', 'here'),
} as const;

/** Read from an [eventlistener:x] section to build its pool. */
export const EVENTLISTENER_POOL_OPTIONS = {
  // Pools start first and stop last unless told otherwise.
  priority: withDefault(toInteger, '-1', 'here'),
  buffer_size: withDefault(toInteger, '10', 'here'),
  result_handler: withDefault(toText, 'supervisor.dispatchers:default_handler', 'here'),
  events: withDefault(toListOfStrings, '', 'here'),
  redirect_stderr: withDefault(toBoolean, 'false', 'here'),
} as const;

/** Program options read once per [program:x]/[eventlistener:x]. */
export const PROGRAM_OPTIONS = {
  priority: withDefault(toInteger, '999', 'program'),
  autostart: withDefault(toBoolean, 'true', 'program'),
  autorestart: withDefault(toAutorestart, 'unexpected', 'program'),
  startsecs: withDefault(toInteger, '1', 'program'),
  startretries: withDefault(toInteger, '3', 'program'),
  stopsignal: withDefault(toSignal, 'TERM', 'program'),
  stopwaitsecs: withDefault(toInteger, '10', 'program'),
  stopasgroup: withDefault(toBoolean, 'false', 'program'),
  killasgroup: {
    scope: 'program',
    convert: toBoolean,
    absent: { kind: 'sameAs', key: 'stopasgroup' },
  } satisfies OptionSpec<boolean>,
  exitcodes: withDefault(toExitCodes, '0', 'program'),
  redirect_stderr: withDefault(toBoolean, 'false', 'program'),
  numprocs: withDefault(toInteger, '1', 'program'),
  numprocs_start: withDefault(toInteger, '0', 'program'),
  /** expanded per process (process_num is available), then parsed */
  environment: withDefault(toText, '', 'raw'),
  stdout_capture_maxbytes: withDefault(toByteSize, '0', 'program'),
  stdout_events_enabled: withDefault(toBoolean, 'false', 'program'),
  stderr_capture_maxbytes: withDefault(toByteSize, '0', 'program'),
  stderr_events_enabled: withDefault(toBoolean, 'false', 'program'),
  serverurl: withDefault(toServerUrl, 'AUTO', 'program'),
  user: optional(toUser, 'program'),
  umask: optional(toOctal, 'program'),
  /** validated as a name before expansion, expanded per process */
  process_name: withDefault(toName, '%(program_name)s', 'raw'),
  // ---- ours; supervisord ignores unknown keys ----
  /** PATH[, PATH…]: expanded per process like environment=, read at load (environment-files.ts) */
  environment_file: withDefault(toText, '', 'raw'),
  // docs/readiness-and-dependencies.md
  depends_on: withDefault(toDependencies, '', 'program'),
  // Readiness gates STARTING → RUNNING, like Kubernetes' startup probe, but probed every second:
  // a 10 s period would make every start slow.
  readiness_initial_delay: withDefault(toSecondsMs, '0', 'program'),
  readiness_period: withDefault(toSecondsMs, '1', 'program'),
  readiness_timeout: withDefault(toSecondsMs, '1', 'program'),
  readiness_success_threshold: withDefault(toCount, '1', 'program'),
  readiness_deadline: withDefault(toSecondsMs, '60', 'program'),
  // Liveness: Kubernetes' defaults (period 10 s, timeout 1 s, 3 failures).
  liveness_initial_delay: withDefault(toSecondsMs, '0', 'program'),
  liveness_period: withDefault(toSecondsMs, '10', 'program'),
  liveness_timeout: withDefault(toSecondsMs, '1', 'program'),
  liveness_failure_threshold: withDefault(toCount, '3', 'program'),
  restart_delay: withDefault(toSecondsMs, '0', 'program'),
  restart_backoff_max: withDefault(toSecondsMs, '0', 'program'),
  restart_backoff_reset: withDefault(toSecondsMs, '600', 'program'),
  retry_forever: withDefault(toBoolean, 'false', 'program'),
  // ---- ours (docs/logging.md) ----
  log_format: withDefault(toLogFormat, 'raw', 'program'),
  /** absent: [supervisord] forward_output decides */
  stdout_forward: optional(toBoolean, 'program'),
  stderr_forward: optional(toBoolean, 'program'),
  // docs/containers.md: the daemon shuts down with this program's exit status.
  shutdown_on: withDefault(toShutdownOn, 'never', 'program'),
  // docs/restart-triggers.md: restart a RUNNING process when its tree's memory passes a limit,
  // on a cron schedule (local time), or when a watched file changes (`watch` is per process).
  restart_on_memory: withDefault(toMemoryLimit, '0', 'program'),
  restart_on_cron: withDefault(toCronSchedule, '', 'program'),
  watch_ignore: withDefault(toCommaList, '', 'program'),
  watch_debounce: withDefault(toDebounceMs, '1', 'program'),
} as const;

const logfileOptions = <C extends 'stdout' | 'stderr'>(channel: C) =>
  ({
    [`${channel}_logfile`]: {
      ...withDefault(toLogfile, 'AUTO', 'process'),
      again: { scope: 'process', label: `${channel}_logfile` },
    },
    [`${channel}_logfile_backups`]: withDefault(toInteger, '10', 'process'),
    [`${channel}_logfile_maxbytes`]: withDefault(toByteSize, '50MB', 'process'),
    [`${channel}_syslog`]: withDefault(toBoolean, 'false', 'process'),
  }) as {
    readonly [K in `${C}_logfile`]: OptionSpec<ReturnType<typeof toLogfile>>;
  } & {
    readonly [K in `${C}_logfile_backups` | `${C}_logfile_maxbytes`]: OptionSpec<number>;
  } & { readonly [K in `${C}_syslog`]: OptionSpec<boolean> };

/** Program options read once per process (numprocs), after its environment= is known. */
export const PROCESS_OPTIONS = {
  directory: optional(toText, 'process'),
  ...logfileOptions('stdout'),
  ...logfileOptions('stderr'),
  command: required(
    toText,
    'process',
    (section) => `program section ${section} does not specify a command`,
  ),
  /** ours: expanded per process, so each process of a pool probes its own port */
  readiness_probe: optional(toReadinessProbe, 'process'),
  liveness_probe: optional(toLivenessProbe, 'process'),
  /** PATH[, PATH…]; relative to the program's directory (else the config file's) */
  watch: withDefault(toCommaList, '', 'process'),
} as const;

/**
 * [fcgi-program:x]'s own options, beside the program's. We refuse the section (groups.ts), so
 * nothing reads these; they are here so that a config check knows them.
 */
export const FCGI_SOCKET_OPTIONS = {
  socket: optional(toText, 'program'),
  socket_backlog: optional(toText, 'program'),
  socket_owner: optional(toText, 'program'),
  socket_mode: optional(toText, 'program'),
} as const;

export const INET_HTTP_SERVER_OPTIONS = {
  username: optional(toText, 'env'),
  password: optional(toText, 'env'),
  port: required(toInetAddress, 'env', (section) => `section [${section}] has no port value`),
} as const;

export const UNIX_HTTP_SERVER_OPTIONS = {
  file: required(toText, 'here', (section) => `section [${section}] has no file value`),
  username: optional(toText, 'env'),
  password: optional(toText, 'env'),
  chown: optional(
    withMessage(toOwnership, (raw) => `Invalid sockchown value ${raw}`),
    'env',
  ),
  chmod: withDefault(
    withMessage(toOctal, (raw) => `Invalid chmod value ${raw}`),
    '0700',
    'env',
  ),
} as const;

export const SUPERVISORCTL_OPTIONS = {
  serverurl: withDefault(toText, 'http://localhost:9001', 'here'),
  prompt: withDefault(toText, 'supervisor', 'env'),
  username: optional(toText, 'env'),
  password: optional(toText, 'env'),
  history_file: optional(toText, 'here'),
} as const;

/** Ours: one daemon of the ctl's fleet, a [supervisorctl:NAME] section (supervisord ignores it). */
export const SUPERVISORCTL_HOST_OPTIONS = {
  serverurl: required(
    toText,
    'here',
    (section) => `section [${section}] does not specify a serverurl`,
  ),
  username: optional(toText, 'env'),
  password: optional(toText, 'env'),
} as const;

export const RPCINTERFACE_FACTORY_KEY = 'supervisor.rpcinterface_factory';

export const RPCINTERFACE_OPTIONS = {
  [RPCINTERFACE_FACTORY_KEY]: required(
    toText,
    'env',
    (section) => `section [${section}] does not specify a ${RPCINTERFACE_FACTORY_KEY}`,
  ),
} as const;
