// The getAllConfigInfo struct: one per configured process, supervisord's exact keys in its order,
// with null sent as 'none' and AUTO as 'auto' because XML-RPC has neither.

import type { GroupConfig, LogfileSetting, ProcessConfig } from '../../config/types.js';
import { signalNumber } from '../../model/signals.js';

export type ConfigInfoStruct = {
  readonly autostart: boolean;
  readonly directory: string;
  readonly uid: number | string;
  readonly command: string;
  readonly exitcodes: readonly number[];
  readonly group: string;
  readonly group_prio: number;
  readonly inuse: boolean;
  readonly killasgroup: boolean;
  readonly name: string;
  readonly process_prio: number;
  readonly redirect_stderr: boolean;
  readonly startretries: number;
  readonly startsecs: number;
  readonly stdout_capture_maxbytes: number;
  readonly stdout_events_enabled: boolean;
  readonly stdout_logfile: string;
  readonly stdout_logfile_backups: number;
  readonly stdout_logfile_maxbytes: number;
  readonly stdout_syslog: boolean;
  readonly stopsignal: number;
  readonly stopwaitsecs: number;
  readonly stderr_capture_maxbytes: number;
  readonly stderr_events_enabled: boolean;
  readonly stderr_logfile: string;
  readonly stderr_logfile_backups: number;
  readonly stderr_logfile_maxbytes: number;
  readonly stderr_syslog: boolean;
  readonly serverurl: string;
};

/** The log paths of a group the engine runs from this very config (AUTO already named). */
export interface LivePaths {
  readonly stdout: string | null;
  readonly stderr: string | null;
}

const NONE = 'none';

/**
 * supervisord names AUTO files when it instantiates a group, in the config object itself: so a
 * group running from this config reports real paths, a config not (yet) in use reports 'auto'.
 */
const logfileValue = (setting: LogfileSetting, live: string | null | undefined): string => {
  if (live !== undefined) {
    return live ?? NONE;
  }
  switch (setting.kind) {
    case 'auto':
      return 'auto';
    case 'none':
      return NONE;
    case 'path':
      return setting.path;
  }
};

export const configInfoStruct = (
  group: GroupConfig,
  process: ProcessConfig,
  inuse: boolean,
  live: LivePaths | undefined,
): ConfigInfoStruct => ({
  autostart: process.autostart,
  directory: process.directory ?? NONE,
  uid: process.user?.uid ?? NONE,
  command: process.command,
  exitcodes: process.exitCodes,
  group: group.name,
  group_prio: group.priority,
  inuse,
  killasgroup: process.killAsGroup,
  name: process.name,
  process_prio: process.priority,
  redirect_stderr: process.redirectStderr,
  startretries: process.startRetries,
  startsecs: Math.floor(process.startMs / 1000),
  stdout_capture_maxbytes: process.stdout.captureMaxBytes,
  stdout_events_enabled: process.stdout.eventsEnabled,
  stdout_logfile: logfileValue(process.stdout.logfile, live?.stdout),
  stdout_logfile_backups: process.stdout.backups,
  stdout_logfile_maxbytes: process.stdout.maxBytes,
  stdout_syslog: process.stdout.syslog,
  stopsignal: signalNumber(process.stopSignal),
  stopwaitsecs: Math.floor(process.stopWaitMs / 1000),
  stderr_capture_maxbytes: process.stderr.captureMaxBytes,
  stderr_events_enabled: process.stderr.eventsEnabled,
  // redirect_stderr: supervisord never has a stderr log file then, whatever was written.
  stderr_logfile: process.redirectStderr
    ? NONE
    : logfileValue(process.stderr.logfile, live?.stderr),
  stderr_logfile_backups: process.stderr.backups,
  stderr_logfile_maxbytes: process.stderr.maxBytes,
  stderr_syslog: process.stderr.syslog,
  serverurl: process.serverUrl ?? NONE,
});

/** Python's sort by name: stable, code-unit order. */
export const byName = (a: { name: string }, b: { name: string }): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
