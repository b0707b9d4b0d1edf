// `tssupervisord --check-config`: render a validated Config as the effective programs, in start
// order, with every option a reader needs to check (ours, like `nginx -t`), and the warnings apart.

import { formatUnknownName } from '../config/load.js';
import type {
  Config,
  LogStreamConfig,
  ParseMessage,
  ProcessConfig,
  UnknownName,
} from '../config/types.js';

const MB = 1024 * 1024;

const size = (bytes: number): string =>
  bytes % MB === 0 && bytes > 0 ? `${bytes / MB}MB` : String(bytes);

const logTarget = (stream: LogStreamConfig, redirected = false): string => {
  if (redirected) {
    return 'redirected to stdout';
  }
  switch (stream.logfile.kind) {
    case 'none':
      return 'none';
    case 'auto':
      return `AUTO (${size(stream.maxBytes)} x ${stream.backups})`;
    case 'path':
      return `${stream.logfile.path} (${size(stream.maxBytes)} x ${stream.backups})`;
  }
};

/** `label=stdout,stderr`: the channels that have it (null: none). */
const channelsWith = (
  label: string,
  p: ProcessConfig,
  has: (stream: LogStreamConfig) => boolean,
): string | null => {
  // A redirected stderr is read as stdout: its own settings do nothing.
  const channels = (['stdout', 'stderr'] as const).filter(
    (c) => (c === 'stdout' || !p.redirectStderr) && has(p[c]),
  );
  return channels.length === 0 ? null : `${label}=${channels.join(',')}`;
};

const processLines = (p: ProcessConfig, forwardDefault: boolean): string[] => {
  const lines = [
    `  ${p.name}: ${p.command}`,
    `      autostart=${p.autostart} autorestart=${p.autorestart === 'always' ? 'true' : p.autorestart === 'never' ? 'false' : 'unexpected'} startsecs=${p.startMs / 1000} startretries=${p.startRetries} exitcodes=${p.exitCodes.join(',')} priority=${p.priority}`,
    `      stopsignal=${p.stopSignal} stopwaitsecs=${p.stopWaitMs / 1000} stopasgroup=${p.stopAsGroup} killasgroup=${p.killAsGroup}`,
    `      stdout: ${logTarget(p.stdout)}; stderr: ${logTarget(p.stderr, p.redirectStderr)}`,
  ];
  const extras = [
    p.directory === null ? null : `directory=${p.directory}`,
    p.user === null ? null : `user=${p.user.name}`,
    p.umask === null ? null : `umask=${p.umask.toString(8).padStart(3, '0')}`,
    Object.keys(p.environment).length === 0
      ? null
      : `environment=${Object.keys(p.environment).join(',')}`,
    p.logFormat === 'raw' ? null : `log_format=${p.logFormat}`,
    // forwardDefault: [supervisord] forward_output, for a channel that does not say
    channelsWith('forward', p, (s) => s.forward ?? forwardDefault),
    channelsWith('syslog', p, (s) => s.syslog),
  ].filter((x) => x !== null);
  if (extras.length > 0) {
    lines.push(`      ${extras.join(' ')}`);
  }
  return lines;
};

export const renderConfigSummary = (config: Config): string => {
  const processCount = config.groups.reduce((n, g) => n + g.processes.length, 0);
  const out = [
    `tssupervisord: configuration ${config.file} is valid`,
    `  ${config.files.length} file(s), ${config.groups.length} group(s), ${processCount} process(es)`,
    `  logfile=${config.supervisord.logfile}${config.supervisord.logfile === 'syslog' ? ` (${config.supervisord.syslogSocket})` : ''} pidfile=${config.supervisord.pidfile} childlogdir=${config.supervisord.childlogdir}`,
    ...config.unixHttpServers.map(
      (s) => `  [${s.section}] ${s.file}${s.auth === null ? '' : ' (auth)'}`,
    ),
    ...config.inetHttpServers.map(
      (s) =>
        `  [${s.section}] ${s.host === '' ? '*' : s.host}:${s.port}${s.auth === null ? '' : ' (auth)'}`,
    ),
    '',
  ];
  for (const group of config.groups) {
    out.push(`[${group.kind}:${group.name}] priority=${group.priority}`);
    for (const p of group.processes) {
      out.push(...processLines(p, config.supervisord.forwardOutput));
    }
  }
  for (const m of config.messages.filter((m) => m.level === 'info')) {
    out.push(`INFO: ${m.text}`);
  }
  return `${out.join('\n')}\n`;
};

/** For stderr: the parse warnings, then the names supervisord would ignore ('' when none). */
export const renderConfigWarnings = (
  messages: readonly ParseMessage[],
  unknownNames: readonly UnknownName[],
): string =>
  [
    ...messages.filter((m) => m.level !== 'info').map((m) => `${m.level.toUpperCase()}: ${m.text}`),
    ...unknownNames.map((u) => `WARN: ${formatUnknownName(u)}`),
  ]
    .map((line) => `${line}\n`)
    .join('');
