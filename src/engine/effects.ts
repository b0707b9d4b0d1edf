// Constructors for the effects the transition table returns, so its handlers read as a list of
// what happens (log, signal, arm a timer …) rather than as object literals.

import type { ExitStatus } from '../model/exit-status.js';
import type { LogLevel } from '../model/log-level.js';
import type { SignalName } from '../model/signals.js';
import type { Effect, ProcessState, SignalPurpose, TimerName } from './machine-types.js';

export const log = (level: LogLevel, text: string): Effect => ({ type: 'log', level, text });

export const arm = (timer: TimerName, delayMs: number, token: number): Effect => ({
  type: 'armTimer',
  timer,
  delayMs,
  token,
});

export const cancel = (timer: TimerName): Effect => ({ type: 'cancelTimer', timer });

export const signal = (sig: SignalName, group: boolean, purpose: SignalPurpose): Effect => ({
  type: 'signal',
  signal: sig,
  group,
  purpose,
});

/** killasgroup: once the leader is gone, the rest of its process group must not live on. */
export const killLeftovers = (killAsGroup: boolean, pid: number | null): Effect[] =>
  killAsGroup && pid !== null ? [{ type: 'killLeftovers', pid }] : [];

export const setSpawnError = (text: string | null): Effect => ({ type: 'setSpawnError', text });

export const setExitStatus = (status: ExitStatus | null): Effect => ({
  type: 'setExitStatus',
  status,
});

export const setStreak = (streak: number): Effect => ({ type: 'setStreak', streak });

export const noteTrigger = (reason: string): Effect => ({ type: 'noteTrigger', reason });

export const announceHealth = (
  change: 'READY' | 'NOT_READY' | 'NOT_LIVE',
  pid: number,
  failures: number,
  reason: string,
): Effect => ({ type: 'announceHealth', change, pid, failures, reason });

/** Leaving a state cancels the one timer it may be waiting on. */
export const cancelTimerOf = (state: ProcessState): Effect[] => {
  switch (state.kind) {
    case 'starting':
      return [cancel('startsecs')];
    case 'backoff':
      return [cancel('backoff')];
    case 'stopping':
      return [cancel('stopwait')];
    case 'delayed':
      return [cancel('restart')];
    case 'stopped':
    case 'waiting':
    case 'running':
    case 'exited':
    case 'fatal':
    case 'unknown':
      return [];
  }
};
