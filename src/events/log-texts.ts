// The main-log lines of event pools and listeners, in supervisord's words (Appendix A), so
// the tests and the code share one spelling.

import type { LogLevel } from '../model/log-level.js';
import type { ListenerStateName } from './listener-protocol.js';

export interface LogLine {
  readonly level: LogLevel;
  readonly text: string;
}

export const eventLogTexts = {
  overflowed: (pool: string, serial: number): LogLine => ({
    level: 'error',
    text: `pool ${pool} event buffer overflowed, discarding event ${serial}`,
  }),
  rebuffering: (serial: number, pool: string, size: number, max: number): LogLine => ({
    level: 'debug',
    text: `rebuffering event ${serial} for pool ${pool} (buf size=${size}, max=${max})`,
  }),
  sent: (serial: number, listener: string): LogLine => ({
    level: 'debug',
    text: `event ${serial} sent to listener ${listener}`,
  }),
  stdinClosed: (serial: number, listener: string): LogLine => ({
    level: 'debug',
    text: `epipe occurred while sending event ${serial} to listener ${listener}, listener state unchanged`,
  }),
  processed: (listener: string): LogLine => ({
    level: 'debug',
    text: `${listener}: event was processed`,
  }),
  rejected: (listener: string): LogLine => ({
    level: 'warn',
    text: `${listener}: event was rejected`,
  }),
  badResultLine: (listener: string, line: string): LogLine => ({
    level: 'warn',
    text: `${listener}: bad result line: '${line}'`,
  }),
  changed: (listener: string, from: ListenerStateName, to: ListenerStateName): LogLine => ({
    level: 'debug',
    text: `${listener}: ${from} -> ${to}`,
  }),
  unknown: (listener: string): LogLine => ({
    level: 'warn',
    text:
      `${listener}: has entered the UNKNOWN state and will no longer receive events, ` +
      'this usually indicates the process violated the eventlistener protocol',
  }),
};
