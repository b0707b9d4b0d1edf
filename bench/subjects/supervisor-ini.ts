// The supervisord.conf both tssupervisord and the real supervisord run: the same file, byte for
// byte. startsecs=0 (RUNNING as soon as spawned, so neither waits a fixed second), autorestart,
// idle programs without log files, the writer's stdout into a 50 MiB × 10 rotating log.

import type { ProgramSpec } from './workload-spec.js';
import { ROTATE_BACKUPS, ROTATE_MAX_BYTES } from './workload-spec.js';

export interface IniPaths {
  readonly dir: string;
  readonly socket: string;
  readonly mainLog: string;
  readonly pidFile: string;
}

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
    '[rpcinterface:supervisor]',
    'supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface',
    '',
    '[supervisorctl]',
    `serverurl=unix://${paths.socket}`,
    '',
  ];
  for (const program of programs) {
    lines.push(
      `[program:${program.name}]`,
      `command=${argvOf(program).map(quoteArg).join(' ')}`,
      'startsecs=0',
      'stopwaitsecs=10',
    );
    if (program.kind === 'idle') {
      lines.push('autorestart=true', 'stdout_logfile=NONE', 'stderr_logfile=NONE');
    } else {
      lines.push(
        'autorestart=false',
        `stdout_logfile=${program.logFile}`,
        `stdout_logfile_maxbytes=${ROTATE_MAX_BYTES}`,
        `stdout_logfile_backups=${ROTATE_BACKUPS}`,
        'stderr_logfile=NONE',
      );
    }
    lines.push('');
  }
  return lines.join('\n');
};
