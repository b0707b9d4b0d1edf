// The daemon's syslog: one sender to [supervisord] syslog_socket (connected at the first line),
// shared by the main log (logfile=syslog, each line with its \n, as supervisord sends them) and
// the programs' *_syslog channels (`<process> <line>`, without it).

import { SyslogLines } from '../logging/syslog-lines.js';
import { SyslogSender } from '../logging/syslog-sender.js';
import type { Clock } from '../ports/clock.js';
import type { DatagramConnector } from '../ports/datagram-socket.js';

export interface DaemonSyslog {
  readonly mainLog: SyslogLines;
  readonly programs: SyslogLines;
  close(): void;
}

export interface DaemonSyslogDeps {
  readonly connector: DatagramConnector;
  readonly clock: Clock;
  /** the program name in each line (`supervisord: …`) */
  readonly ident: string;
  /** where its troubles are told (the main log, and stderr when the main log is syslog) */
  readonly report: (message: string) => void;
}

export const openDaemonSyslog = (socketPath: string, deps: DaemonSyslogDeps): DaemonSyslog => {
  const sender = new SyslogSender(socketPath, deps);
  const lines = (keepNewline: boolean): SyslogLines =>
    new SyslogLines(sender, deps.clock, { ident: deps.ident, keepNewline });
  return { mainLog: lines(true), programs: lines(false), close: () => sender.close() };
};
