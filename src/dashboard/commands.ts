// What the dashboard asks the daemon to do (start, stop, restart, signal, clear, update), on
// what (one process, a group, everything), and what came of it.

import { hostKey } from './host-link.js';

/** `host`: the daemon it is on, by its fleet name ('' without a fleet); `all` is every host's. */
export type CommandTarget =
  | { readonly kind: 'process'; readonly host: string; readonly namespec: string }
  /** `members`: the group's processes, for clearing their logs one by one. */
  | {
      readonly kind: 'group';
      readonly host: string;
      readonly group: string;
      readonly members: readonly string[];
    }
  | { readonly kind: 'all' };

export type TargetedVerb = 'start' | 'stop' | 'restart' | 'clear';

export type ProcessCommand =
  | { readonly verb: TargetedVerb; readonly target: CommandTarget }
  | { readonly verb: 'signal'; readonly target: CommandTarget; readonly signal: string }
  | { readonly verb: 'update' };

export interface CommandOutcome {
  readonly ok: boolean;
  readonly text: string;
}

/** The signal picker's choices, most used first. */
export const SIGNALS = [
  'HUP',
  'TERM',
  'INT',
  'QUIT',
  'KILL',
  'USR1',
  'USR2',
  'STOP',
  'CONT',
  'WINCH',
] as const;

export const describeTarget = (target: CommandTarget): string => {
  switch (target.kind) {
    case 'process':
      return hostKey(target.host, target.namespec);
    case 'group':
      return hostKey(target.host, `${target.group}:*`);
    case 'all':
      return 'all';
  }
};

const PROGRESSIVE: Record<ProcessCommand['verb'], string> = {
  start: 'starting',
  stop: 'stopping',
  restart: 'restarting',
  clear: 'clearing the logs of',
  signal: 'signalling',
  update: 'rereading the configuration and updating',
};

/** What the status line says while the command runs: `restarting web:web_0…` */
export const describePending = (command: ProcessCommand): string => {
  switch (command.verb) {
    case 'update':
      return `${PROGRESSIVE.update}…`;
    case 'signal':
      return `sending SIG${command.signal} to ${describeTarget(command.target)}…`;
    case 'start':
    case 'stop':
    case 'restart':
    case 'clear':
      return `${PROGRESSIVE[command.verb]} ${describeTarget(command.target)}…`;
  }
};
