// The typed, validated, immutable configuration: what the loader produces and the engine, the
// RPC layer and the ctl consume. Plain readonly data; defaults live only in schema.ts.

import type { LogFormat } from '../model/log-format.js';
import type { LogLevel } from '../model/log-level.js';
import type { CronSchedule } from './cron-schedule.js';
import type { ProbeSpec, ProbeTarget } from '../model/probe.js';
import type { SignalName } from '../model/signals.js';

/** Where a value came from, for error messages and diagnostics. */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
}

/** A config problem: the daemon refuses to start; reread returns CANT_REREAD with `message`. */
export interface ConfigError {
  readonly file: string;
  readonly line: number | null;
  readonly section: string | null;
  readonly option: string | null;
  readonly value: string | null;
  /** The full human-readable text (supervisord's wording where it has one). */
  readonly message: string;
}

/** A message produced while parsing, written to the main log once it is open (spec §1.7). */
export interface ParseMessage {
  readonly level: 'critical' | 'warn' | 'info';
  readonly text: string;
}

/**
 * Ours: a section or option supervisord silently ignores, most likely a typo. A warning, never an
 * error: the config means what it means to supervisord.
 */
export interface UnknownName {
  readonly file: string;
  readonly line: number;
  readonly section: string;
  /** null when the whole section is of no known kind */
  readonly option: string | null;
  /** the nearest known name, as it would be written (`autorestart`, `[program:web]`) */
  readonly suggestion: string | null;
}

/** A resolved user: for `user=` of programs and of [supervisord]. */
export interface UserSpec {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
  /** home directory, when known: `~user/...` in paths expands to it */
  readonly home?: string;
}

/** `stdout_logfile=` and friends: a path, AUTO (a generated file in childlogdir), or none. */
export type LogfileSetting =
  | { readonly kind: 'auto' }
  | { readonly kind: 'none' }
  | { readonly kind: 'path'; readonly path: string };

export interface LogStreamConfig {
  readonly logfile: LogfileSetting;
  readonly maxBytes: number;
  readonly backups: number;
  readonly captureMaxBytes: number;
  readonly eventsEnabled: boolean;
  readonly syslog: boolean;
  /** ours, `*_forward=`: copy to the daemon's own stdout/stderr; null: [supervisord] forward_output */
  readonly forward: boolean | null;
}

/** autorestart=true|false|unexpected */
export type AutoRestart = 'always' | 'never' | 'unexpected';

/** depends_on conditions: RUNNING (ready, when it has a readiness probe), spawned, or exited as expected. */
export type DependencyCondition = 'ready' | 'started' | 'completed';

/** One `depends_on` entry: a program or group name (checked once the whole config is loaded). */
export interface Dependency {
  readonly name: string;
  readonly condition: DependencyCondition;
  /** where depends_on was written, for the errors about unknown names and cycles */
  readonly at: SourcePosition;
}

/** readiness_probe and its timings: with it, STARTING lasts until the probe first passes. */
export interface ReadinessConfig {
  readonly probe: ProbeSpec;
  readonly initialDelayMs: number;
  readonly periodMs: number;
  readonly timeoutMs: number;
  /** consecutive passes needed */
  readonly successThreshold: number;
  /** not ready this long after the spawn: the attempt failed (BACKOFF) */
  readonly deadlineMs: number;
}

/** liveness_probe and its timings: probed while RUNNING; enough failures in a row restart it. */
export interface LivenessConfig {
  readonly probe: ProbeTarget;
  readonly initialDelayMs: number;
  readonly periodMs: number;
  readonly timeoutMs: number;
  /** consecutive failures that restart the process */
  readonly failureThreshold: number;
}

/** Restart pacing; all zero/false is supervisord's behaviour. */
export interface RestartPacing {
  /** wait this long before an autorestart (0: at once) */
  readonly delayMs: number;
  /** > 0: consecutive restarts and retries wait twice as long each time, up to this */
  readonly backoffMaxMs: number;
  /** RUNNING this long ends a streak of restarts: the next one waits restart_delay again */
  readonly resetMs: number;
  /** past startretries, keep retrying (at the capped delay) instead of going FATAL */
  readonly retryForever: boolean;
}

/** watch, watch_ignore, watch_debounce: restart when a file under the paths changes. */
export interface WatchConfig {
  /** absolute paths of files or directories (directories are watched with everything below) */
  readonly paths: readonly string[];
  /** globs: without `/` matched against each name on the way, with `/` against the path below a watched directory */
  readonly ignore: readonly string[];
  /** a restart waits for this much quiet after the last change */
  readonly debounceMs: number;
}

/** What restarts a RUNNING process besides its exits (all off: supervisord's behaviour). */
export interface RestartTriggers {
  /** restart_on_memory: resident memory of the whole process tree, in bytes; 0 is off */
  readonly memoryBytes: number;
  /** restart_on_cron, in the daemon's local time */
  readonly cron: CronSchedule | null;
  readonly watch: WatchConfig | null;
}

/** One process instance (a program expanded by numprocs). */
export interface ProcessConfig {
  /** process name after %(process_num)… expansion */
  readonly name: string;
  /** owning group: the [group:x] name, else the program name */
  readonly groupName: string;
  /** the section suffix: `x` of [program:x] */
  readonly programName: string;
  readonly processNum: number;
  /** the command line, expanded, not yet split into argv (shlex happens at spawn time) */
  readonly command: string;
  readonly priority: number;
  readonly autostart: boolean;
  /** startsecs in milliseconds */
  readonly startMs: number;
  readonly startRetries: number;
  readonly autorestart: AutoRestart;
  readonly exitCodes: readonly number[];
  readonly stopSignal: SignalName;
  /** stopwaitsecs in milliseconds */
  readonly stopWaitMs: number;
  readonly stopAsGroup: boolean;
  readonly killAsGroup: boolean;
  readonly user: UserSpec | null;
  readonly redirectStderr: boolean;
  readonly stdout: LogStreamConfig;
  readonly stderr: LogStreamConfig;
  /** this program's own environment= (merged over [supervisord] environment at spawn) */
  readonly environment: Readonly<Record<string, string>>;
  readonly directory: string | null;
  readonly umask: number | null;
  /** serverurl=; null means AUTO */
  readonly serverUrl: string | null;
  /** ours (supervisord ignores these options): null / empty / zero when not set */
  readonly readiness: ReadinessConfig | null;
  readonly liveness: LivenessConfig | null;
  readonly dependsOn: readonly Dependency[];
  readonly restartPacing: RestartPacing;
  /** ours, `log_format=`: how output is written to the log files and forwarded */
  readonly logFormat: LogFormat;
  /** shutdown_on: which of its exits end the daemon, with its exit status (containers) */
  readonly shutdownOn: ShutdownOn;
  readonly restartTriggers: RestartTriggers;
}

/**
 * shutdown_on: `fatal` (it gave up: FATAL), `unexpected` (FATAL, a failed start, or an exit code
 * not in exitcodes), `exit` (any exit nobody asked for); `never` is supervisord's behaviour.
 */
export type ShutdownOn = 'never' | 'fatal' | 'unexpected' | 'exit';

export interface EventListenerSettings {
  /** upper-cased event type names as written in events= */
  readonly events: readonly string[];
  readonly bufferSize: number;
  readonly resultHandler: string;
}

export type GroupKind = 'program' | 'group' | 'eventlistener';

/** A process group: a [program:x] (homogeneous), a [group:x], or an [eventlistener:x] pool. */
export interface GroupConfig {
  readonly name: string;
  readonly kind: GroupKind;
  readonly priority: number;
  /** For `program`/`eventlistener`: sorted by (priority, name). For `group`: programs= order. */
  readonly processes: readonly ProcessConfig[];
  readonly eventListener: EventListenerSettings | null;
  /** file (and line of the section header) this group was defined in */
  readonly source: SourcePosition;
}

export interface SupervisordConfig {
  /** absolute path, or 'syslog' */
  readonly logfile: string;
  readonly logfileMaxBytes: number;
  readonly logfileBackups: number;
  readonly logLevel: LogLevel;
  /** absolute path */
  readonly pidfile: string;
  readonly umask: number;
  readonly nodaemon: boolean;
  readonly silent: boolean;
  readonly minfds: number;
  readonly minprocs: number;
  readonly nocleanup: boolean;
  readonly childlogdir: string;
  readonly user: UserSpec | null;
  readonly directory: string | null;
  readonly stripAnsi: boolean;
  readonly environment: Readonly<Record<string, string>>;
  readonly identifier: string;
  /** ours: whether programs forward their output to the daemon's stdout/stderr by default */
  readonly forwardOutput: boolean;
  /** ours: where syslog lines go (logfile=syslog, *_syslog), a unix datagram socket */
  readonly syslogSocket: string;
}

export interface HttpAuth {
  readonly username: string;
  /** plain text, or `{SHA}<hex sha1>` */
  readonly password: string;
}

export interface UnixHttpServerConfig {
  readonly section: string;
  /** absolute socket path */
  readonly file: string;
  readonly chmod: number;
  readonly chown: { readonly uid: number; readonly gid: number } | null;
  readonly auth: HttpAuth | null;
}

export interface InetHttpServerConfig {
  readonly section: string;
  /** '' for all interfaces */
  readonly host: string;
  readonly port: number;
  readonly auth: HttpAuth | null;
}

export interface SupervisorctlConfig {
  readonly serverUrl: string;
  readonly username: string | null;
  readonly password: string | null;
  readonly prompt: string;
  readonly historyFile: string | null;
  /** Ours: the [supervisorctl:NAME] sections, in file order; empty without them. */
  readonly fleet: readonly FleetHostConfig[];
}

/** One [supervisorctl:NAME] section: a daemon the ctl addresses as NAME in a fleet. */
export interface FleetHostConfig {
  readonly name: string;
  /** unix:// paths made absolute; an http URL may carry user:password@ */
  readonly serverUrl: string;
  readonly username: string | null;
  readonly password: string | null;
}

export interface Config {
  /** absolute path of the main config file */
  readonly file: string;
  readonly supervisord: SupervisordConfig;
  readonly unixHttpServers: readonly UnixHttpServerConfig[];
  readonly inetHttpServers: readonly InetHttpServerConfig[];
  /** whether [rpcinterface:supervisor] is present: without it only system.* is served */
  readonly supervisorRpcEnabled: boolean;
  readonly supervisorctl: SupervisorctlConfig | null;
  /** all groups, sorted by (priority, name) */
  readonly groups: readonly GroupConfig[];
  /** files read, in order (main file first) */
  readonly files: readonly string[];
  readonly messages: readonly ParseMessage[];
  /** ours: names supervisord would ignore, in the order the files hold them */
  readonly unknownNames: readonly UnknownName[];
}

export type LoadResult =
  | { readonly ok: true; readonly config: Config }
  | {
      readonly ok: false;
      readonly errors: readonly ConfigError[];
      /** what was found before the errors stopped the load: a typo may explain an error */
      readonly unknownNames: readonly UnknownName[];
    };
