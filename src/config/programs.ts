// One [program:x] or [eventlistener:x] section → its processes (numprocs expansion, per-process
// expansions, logfile rules and warnings), sorted by (priority, name).

import { configError, sectionSuffix } from './errors.js';
import { readEnvironmentFiles } from './environment-files.js';
import { envNames, expand, scopeNames, type ExpansionNames, type ScopeValues } from './expand.js';
import { iniGet } from './ini.js';
import { sectionContext, sectionFile, type LoadContext } from './load-context.js';
import type { TableValues } from './option-spec.js';
import { normalizePath } from './posix-path.js';
import { compareCodePoints, InvalidValue } from './python-str.js';
import { readOptions } from './read-options.js';
import { PROCESS_OPTIONS, PROGRAM_OPTIONS } from './schema.js';
import type { ConfigError, LogStreamConfig, ProcessConfig } from './types.js';
import { toEnvironment, toName, type LogfileValue } from './values.js';

export type ProcessesResult =
  | {
      readonly ok: true;
      readonly processes: readonly ProcessConfig[];
      readonly warnings: readonly string[];
    }
  | { readonly ok: false; readonly errors: readonly ConfigError[] };

type ProgramValues = TableValues<typeof PROGRAM_OPTIONS>;
type ProcessValues = TableValues<typeof PROCESS_OPTIONS>;
type Channel = 'stdout' | 'stderr';

const fail = (errors: readonly ConfigError[]): ProcessesResult => ({ ok: false, errors });

/** The channel's log settings, plus the warnings the reference gives about them. */
interface StreamSource {
  readonly section: string;
  readonly program: ProgramValues;
  readonly proc: ProcessValues;
  readonly warn: (text: string) => void;
}

const logStream = (
  channel: Channel,
  { section, program, proc, warn }: StreamSource,
): LogStreamConfig => {
  const key = `${channel}_logfile` as const;
  const value: LogfileValue = proc[key];
  let syslog = proc[`${channel}_syslog`];
  const maxBytes = proc[`${channel}_logfile_maxbytes`];
  let logfile = value.kind === 'syslog' ? ({ kind: 'none' } as const) : value;
  if (value.kind === 'syslog') {
    warn(
      `For [${section}], ${key}=syslog but this is deprecated and will be removed.  Use ${channel}_syslog=true to enable syslog instead.`,
    );
    syslog = true;
  }
  if (logfile.kind === 'auto' && maxBytes === 0) {
    warn(
      `For [${section}], AUTO logging used for ${key} without rollover, set maxbytes > 0 to avoid filling up filesystem unintentionally`,
    );
  }
  if (channel === 'stderr' && program.redirect_stderr) {
    if (logfile.kind === 'path') {
      warn(
        `For [${section}], redirect_stderr=true but stderr_logfile has also been set to a filename, the filename has been ignored`,
      );
    }
    // A redirected stderr never gets a file of its own.
    logfile = { kind: 'none' };
  }
  return {
    logfile,
    maxBytes,
    backups: proc[`${channel}_logfile_backups`],
    captureMaxBytes: program[`${channel}_capture_maxbytes`],
    eventsEnabled: program[`${channel}_events_enabled`],
    syslog,
    forward: program[`${channel}_forward`],
  };
};

/** Builds the processes of `section` as members of group `groupName`. */
export const processesFromSection = (
  ctx: LoadContext,
  section: string,
  groupName: string,
): ProcessesResult => {
  const file = sectionFile(ctx, section);
  const suffix = sectionSuffix(section, file);
  const header = ctx.doc.sections.get(section);
  const place = { file, line: header?.line ?? null, section };
  const invalid = (error: unknown, option: string | null, value: string | null): ConfigError => {
    if (!(error instanceof InvalidValue)) {
      throw error;
    }
    const found = option === null ? undefined : iniGet(ctx.doc, section, option);
    const at = found === undefined ? place : { ...place, file: found.file, line: found.line };
    return configError({ ...at, option, value }, `${error.message}${suffix}`);
  };

  const suffixName = section.slice(section.indexOf(':') + 1);
  let programName: string;
  try {
    programName = toName(suffixName, ctx.convert);
  } catch (error) {
    return fail([invalid(error, null, suffixName)]);
  }
  const base: Partial<ScopeValues> = { programName, groupName };
  const processNames = (values: Partial<ScopeValues>): ExpansionNames =>
    scopeNames('process', {
      env: ctx.env,
      here: ctx.here,
      hostNodeName: ctx.host.hostname,
      ...values,
    });
  const read = readOptions(PROGRAM_OPTIONS, sectionContext(ctx, section, base, suffix));
  if (!read.ok) {
    return read;
  }
  const program = read.values;
  const problem = (option: string, message: string): ProcessesResult =>
    fail([
      invalid(new InvalidValue(message), option, iniGet(ctx.doc, section, option)?.text ?? null),
    ]);
  if (program.numprocs > 1 && !program.process_name.includes('%(process_num)')) {
    // Point at process_name when it is written, else at the numprocs that makes it wrong.
    const option = iniGet(ctx.doc, section, 'process_name') ? 'process_name' : 'numprocs';
    return problem(option, '%(process_num) must be present within process_name when numprocs > 1');
  }
  if (program.stopasgroup && !program.killasgroup) {
    return problem('killasgroup', 'Cannot set stopasgroup=true and killasgroup=false');
  }

  const dependsOnAt = iniGet(ctx.doc, section, 'depends_on');
  const dependsOn = program.depends_on.map((d) => ({
    ...d,
    at: { file: dependsOnAt?.file ?? file, line: dependsOnAt?.line ?? place.line ?? 0 },
  }));
  const processes: ProcessConfig[] = [];
  const warnings: string[] = [];
  const first = program.numprocs_start;
  for (let processNum = first; processNum < first + program.numprocs; processNum += 1) {
    const values: Partial<ScopeValues> = { ...base, processNum, numprocs: program.numprocs };
    let environment: Record<string, string>;
    try {
      const text = expand(program.environment, processNames(values), 'environment');
      environment = toEnvironment(text);
    } catch (error) {
      return fail([invalid(error, 'environment', program.environment)]);
    }
    if (program.environment_file !== '') {
      // The files' paths may use the program's environment=; its values win over the files'.
      try {
        const names = processNames({ ...values, processEnv: envNames(environment) });
        const paths = expand(program.environment_file, names, 'environment_file');
        environment = { ...readEnvironmentFiles(paths, ctx.convert), ...environment };
      } catch (error) {
        return fail([invalid(error, 'environment_file', program.environment_file)]);
      }
    }
    const withEnv = { ...values, processEnv: envNames(environment) };
    const procRead = readOptions(PROCESS_OPTIONS, sectionContext(ctx, section, withEnv, suffix));
    if (!procRead.ok) {
      return procRead;
    }
    const proc = procRead.values;
    const warn = (text: string): void => {
      warnings.push(text);
    };
    const stdout = logStream('stdout', { section, program, proc, warn });
    const stderr = logStream('stderr', { section, program, proc, warn });
    let name: string;
    try {
      name = expand(program.process_name, processNames(withEnv), 'process_name');
    } catch (error) {
      return fail([invalid(error, 'process_name', program.process_name)]);
    }
    processes.push({
      name,
      groupName,
      programName,
      processNum,
      command: proc.command,
      priority: program.priority,
      autostart: program.autostart,
      startMs: program.startsecs * 1000,
      startRetries: program.startretries,
      autorestart: program.autorestart,
      exitCodes: program.exitcodes,
      stopSignal: program.stopsignal,
      stopWaitMs: program.stopwaitsecs * 1000,
      stopAsGroup: program.stopasgroup,
      killAsGroup: program.killasgroup,
      user: program.user,
      redirectStderr: program.redirect_stderr,
      stdout,
      stderr,
      environment,
      directory: proc.directory,
      umask: program.umask,
      serverUrl: program.serverurl,
      readiness:
        proc.readiness_probe === null
          ? null
          : {
              probe: proc.readiness_probe,
              initialDelayMs: program.readiness_initial_delay,
              periodMs: program.readiness_period,
              timeoutMs: program.readiness_timeout,
              successThreshold: program.readiness_success_threshold,
              deadlineMs: program.readiness_deadline,
            },
      liveness:
        proc.liveness_probe === null
          ? null
          : {
              // toLivenessProbe never yields a log: probe
              probe: proc.liveness_probe as Exclude<typeof proc.liveness_probe, { kind: 'log' }>,
              initialDelayMs: program.liveness_initial_delay,
              periodMs: program.liveness_period,
              timeoutMs: program.liveness_timeout,
              failureThreshold: program.liveness_failure_threshold,
            },
      dependsOn,
      restartPacing: {
        delayMs: program.restart_delay,
        backoffMaxMs: program.restart_backoff_max,
        resetMs: program.restart_backoff_reset,
        retryForever: program.retry_forever,
      },
      logFormat: program.log_format,
      shutdownOn: program.shutdown_on,
      restartTriggers: {
        memoryBytes: program.restart_on_memory,
        cron: program.restart_on_cron,
        watch:
          proc.watch.length === 0
            ? null
            : {
                paths: proc.watch.map((p) =>
                  normalizePath(p, proc.directory ?? ctx.here, ctx.convert.homes),
                ),
                ignore: program.watch_ignore,
                debounceMs: program.watch_debounce,
              },
      },
    });
  }
  processes.sort((a, b) => a.priority - b.priority || compareCodePoints(a.name, b.name));
  return { ok: true, processes, warnings };
};
