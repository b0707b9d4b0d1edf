// The getAllConfigInfo struct, both sides: the server's encoder (one per configured process,
// supervisord's exact keys in its order, null sent as 'none' and AUTO as 'auto' because XML-RPC
// has neither) and the clients' reader.

import type { GroupConfig, LogfileSetting, ProcessConfig } from '../config/types.js';
import { signalNumber } from '../model/signals.js';
import { readStruct, type StructReader, type WireValue } from './wire-value.js';

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

export const encodeConfigInfo = (
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

/** What every client relies on (`avail`); the rest is read when the server sends it. */
type Essential = 'name' | 'group' | 'inuse' | 'autostart' | 'group_prio' | 'process_prio';

/** As a client reads it: supervisord 4.2 sends every key, older servers fewer. */
export type ConfigInfo = Pick<ConfigInfoStruct, Essential> &
  Partial<Omit<ConfigInfoStruct, Essential>>;

type Kind = 'string' | 'int' | 'bool' | 'intOrString' | 'intArray';

const OPTIONAL_FIELDS: { readonly [K in Exclude<keyof ConfigInfoStruct, Essential>]: Kind } = {
  directory: 'string',
  uid: 'intOrString',
  command: 'string',
  exitcodes: 'intArray',
  killasgroup: 'bool',
  redirect_stderr: 'bool',
  startretries: 'int',
  startsecs: 'int',
  stdout_capture_maxbytes: 'int',
  stdout_events_enabled: 'bool',
  stdout_logfile: 'string',
  stdout_logfile_backups: 'int',
  stdout_logfile_maxbytes: 'int',
  stdout_syslog: 'bool',
  stopsignal: 'int',
  stopwaitsecs: 'int',
  stderr_capture_maxbytes: 'int',
  stderr_events_enabled: 'bool',
  stderr_logfile: 'string',
  stderr_logfile_backups: 'int',
  stderr_logfile_maxbytes: 'int',
  stderr_syslog: 'bool',
  serverurl: 'string',
};

const readKind = (s: StructReader, key: string, kind: Kind): WireValue => {
  switch (kind) {
    case 'string':
      return s.string(key);
    case 'int':
      return s.int(key);
    case 'bool':
      return s.bool(key);
    case 'intOrString':
      return s.intOrString(key);
    case 'intArray':
      return s.intArray(key);
  }
};

export const readConfigInfo = (method: string, value: WireValue): ConfigInfo => {
  const s = readStruct(method, value);
  const sent: Record<string, WireValue> = {};
  for (const [key, kind] of Object.entries(OPTIONAL_FIELDS)) {
    if (s.has(key)) {
      sent[key] = readKind(s, key, kind);
    }
  }
  return {
    // Each value was checked against its key's kind just above.
    ...(sent as Partial<ConfigInfoStruct>),
    name: s.string('name'),
    group: s.string('group'),
    inuse: s.bool('inuse'),
    autostart: s.bool('autostart'),
    group_prio: s.int('group_prio'),
    process_prio: s.int('process_prio'),
  };
};
