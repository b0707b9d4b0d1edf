// The supervisord.conf both tssupervisord and the real supervisord run: the same file, byte for
// byte. startsecs=0 (RUNNING as soon as spawned, so neither waits a fixed second), autorestart,
// idle programs without log files, the writer's stdout into a 50 MiB × 10 rotating log, the busy
// logger's into 50 MiB × 1 with stdout_events_enabled, a PROCESS_LOG event listener, the
// storm's programs exactly as issue 9 gives them, and one program × numprocs for the mass spawn.

import type { ProgramSpec } from './workload-spec.js';
import { LOGGER_BACKUPS, ROTATE_BACKUPS, ROTATE_MAX_BYTES } from './workload-spec.js';

export interface IniPaths {
  readonly dir: string;
  readonly socket: string;
  readonly mainLog: string;
  readonly pidFile: string;
  /** an [inet_http_server] on 127.0.0.1 at this port as well; none when absent */
  readonly httpPort?: number;
}

const COMMON = ['startsecs=0', 'stopwaitsecs=10'];

const quoteArg = (arg: string): string => (/^[\w./-]+$/.test(arg) ? arg : `'${arg}'`);

export const supervisorIni = (
  paths: IniPaths,
  programs: readonly ProgramSpec[],
  argvOf: (program: ProgramSpec) => readonly string[],
): string => {
  const lines = [
    '[supervisord]',
    `logfile=${paths.mainLog}`,
    `pidfile=${paths.pidFile}`,
    `childlogdir=${paths.dir}`,
    'logfile_maxbytes=0',
    'loglevel=info',
    'nodaemon=true',
    'silent=true',
    'minfds=4096',
    'minprocs=4096',
    '',
    '[unix_http_server]',
    `file=${paths.socket}`,
    '',
    ...(paths.httpPort === undefined
      ? []
      : ['[inet_http_server]', `port=127.0.0.1:${paths.httpPort}`, '']),
    '[rpcinterface:supervisor]',
    'supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface',
    '',
    '[supervisorctl]',
    `serverurl=unix://${paths.socket}`,
    '',
  ];
  for (const program of programs) {
    lines.push(...programSection(program, argvOf(program)), '');
  }
  return lines.join('\n');
};

const programSection = (program: ProgramSpec, argv: readonly string[]): string[] => {
  const command = `command=${argv.map(quoteArg).join(' ')}`;
  switch (program.kind) {
    case 'idle':
      return [
        `[program:${program.name}]`,
        command,
        ...COMMON,
        'autorestart=true',
        'stdout_logfile=NONE',
        'stderr_logfile=NONE',
      ];
    case 'writer':
      return [
        `[program:${program.name}]`,
        command,
        ...COMMON,
        'autorestart=false',
        `stdout_logfile=${program.logFile}`,
        `stdout_logfile_maxbytes=${ROTATE_MAX_BYTES}`,
        `stdout_logfile_backups=${ROTATE_BACKUPS}`,
        'stderr_logfile=NONE',
        ...(program.logFormat === undefined ? [] : [`log_format=${program.logFormat}`]),
      ];
    case 'logger':
      return [
        `[program:${program.name}]`,
        command,
        ...COMMON,
        'autorestart=false',
        `stdout_logfile=${program.logFile}`,
        `stdout_logfile_maxbytes=${ROTATE_MAX_BYTES}`,
        `stdout_logfile_backups=${LOGGER_BACKUPS}`,
        'stdout_events_enabled=true',
        'stderr_logfile=NONE',
      ];
    case 'listener':
      // buffer_size stays at its default (10): when the listener falls behind, the daemon
      // drops the oldest events, as supervisord does.
      return [
        `[eventlistener:${program.name}]`,
        command,
        'events=PROCESS_LOG',
        ...COMMON,
        'autorestart=true',
        'stdout_logfile=NONE',
        `stderr_logfile=${program.stderrFile}`,
      ];
    case 'storm':
      // The restart storm of issue 9, option for option.
      return [
        `[program:${program.name}]`,
        command,
        'autorestart=true',
        'startsecs=0',
        'stdout_logfile=NONE',
        'stderr_logfile=NONE',
      ];
    case 'crowd':
      return [
        `[program:${program.name}]`,
        command,
        `numprocs=${program.numprocs}`,
        'process_name=%(program_name)s_%(process_num)04d',
        'autostart=true',
        'startsecs=1',
        'stdout_logfile=NONE',
        'stderr_logfile=NONE',
        ...(program.probeUrl === undefined
          ? []
          : [
              `readiness_probe=${program.probeUrl}`,
              'readiness_period=1',
              `liveness_probe=${program.probeUrl}`,
              'liveness_period=1',
            ]),
      ];
  }
};
