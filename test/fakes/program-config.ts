// Builders for config data in tests: a ProcessConfig/GroupConfig with supervisord's defaults,
// overridden where a test cares.

import type {
  GroupConfig,
  LogStreamConfig,
  ProcessConfig,
  SupervisordConfig,
} from '../../src/config/types.js';

const stream: LogStreamConfig = {
  logfile: { kind: 'auto' },
  maxBytes: 50 * 1024 * 1024,
  backups: 10,
  captureMaxBytes: 0,
  eventsEnabled: false,
  syslog: false,
  forward: null,
};

export const processConfig = (
  name: string,
  overrides: Partial<ProcessConfig> = {},
): ProcessConfig => ({
  name,
  groupName: overrides.groupName ?? name,
  programName: overrides.programName ?? name,
  processNum: 0,
  command: `/usr/bin/${name}`,
  priority: 999,
  autostart: true,
  startMs: 1000,
  startRetries: 3,
  autorestart: 'unexpected',
  exitCodes: [0],
  stopSignal: 'TERM',
  stopWaitMs: 10_000,
  stopAsGroup: false,
  killAsGroup: false,
  user: null,
  redirectStderr: false,
  stdout: stream,
  stderr: stream,
  environment: {},
  directory: null,
  umask: null,
  serverUrl: null,
  readiness: null,
  liveness: null,
  dependsOn: [],
  restartPacing: { delayMs: 0, backoffMaxMs: 0, resetMs: 600_000, retryForever: false },
  logFormat: 'raw',
  shutdownOn: 'never',
  restartTriggers: { memoryBytes: 0, cron: null, watch: null },
  ...overrides,
});

/** A [program:x] group of one process named like the program. */
export const programGroup = (
  name: string,
  overrides: Partial<ProcessConfig> = {},
  groupPriority = overrides.priority ?? 999,
): GroupConfig => ({
  name,
  kind: 'program',
  priority: groupPriority,
  processes: [processConfig(name, { ...overrides, groupName: name, programName: name })],
  eventListener: null,
  source: { file: '/etc/supervisord.conf', line: 1 },
});

/** A [program:x] with numprocs: processes named `<name>_<n>` in group `name`. */
export const numprocsGroup = (
  name: string,
  count: number,
  overrides: Partial<ProcessConfig> = {},
): GroupConfig => ({
  name,
  kind: 'program',
  priority: overrides.priority ?? 999,
  processes: Array.from({ length: count }, (_, i) =>
    processConfig(`${name}_${i}`, {
      command: `/usr/bin/${name}`,
      ...overrides,
      groupName: name,
      programName: name,
      processNum: i,
    }),
  ),
  eventListener: null,
  source: { file: '/etc/supervisord.conf', line: 1 },
});

/** A [group:x] made of the given processes (their groupName is rewritten to `name`). */
export const heterogeneousGroup = (
  name: string,
  priority: number,
  processes: readonly ProcessConfig[],
): GroupConfig => ({
  name,
  kind: 'group',
  priority,
  processes: processes.map((p) => ({ ...p, groupName: name })),
  eventListener: null,
  source: { file: '/etc/supervisord.conf', line: 1 },
});

export const supervisordConfig = (
  overrides: Partial<SupervisordConfig> = {},
): SupervisordConfig => ({
  logfile: '/var/log/supervisord.log',
  logfileMaxBytes: 50 * 1024 * 1024,
  logfileBackups: 10,
  logLevel: 'info',
  pidfile: '/run/supervisord.pid',
  umask: 0o22,
  nodaemon: true,
  silent: false,
  minfds: 1024,
  minprocs: 200,
  nocleanup: false,
  childlogdir: '/tmp',
  user: null,
  directory: null,
  stripAnsi: false,
  environment: {},
  identifier: 'supervisor',
  forwardOutput: false,
  syslogSocket: '/dev/log',
  ...overrides,
});
