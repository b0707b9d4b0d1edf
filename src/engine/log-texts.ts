// The main-log lines the engine writes, worded exactly as supervisord 4.2 words them (spec
// Appendix A), so log scrapers and humans see the same text.

import { CHILD_QUIT_TEXT, describeExit, type ExitStatus } from '../model/exit-status.js';
import type { SignalName } from '../model/signals.js';
import type { SignalPurpose } from './machine-types.js';

export const TOO_QUICK = 'Exited too quickly (process log may have details)';

/** 60000 → `60`, 1500 → `1.5`: seconds as our own log lines write them. */
export const secondsText = (ms: number): string => String(Math.round(ms / 100) / 10);

export const logTexts = {
  spawned: (name: string, pid: number) => `spawned: '${name}' with pid ${pid}`,
  spawnErr: (message: string) => `spawnerr: ${message}`,
  /** ours: killasgroup cleanup after the leader exited (supervisord leaves these orphaned) */
  killedLeftovers: (name: string, pgid: number) =>
    `killed what was left of '${name}' (process group ${pgid}) with SIGKILL`,
  success: (name: string, startMs: number) =>
    `success: ${name} entered RUNNING state, process has stayed up for > than ${startMs / 1000} seconds (startsecs)`,
  exited: (name: string, status: ExitStatus, expected: boolean) =>
    `exited: ${name} (${describeExit(status)}; ${expected ? 'expected' : 'not expected'})`,
  /** debug: after the exited:/stopped: line of a child, where supervisord logs the signal */
  childQuit: CHILD_QUIT_TEXT,
  gaveUp: (name: string) =>
    `gave up: ${name} entered FATAL state, too many start retries too quickly`,
  stopped: (name: string, status: ExitStatus) => `stopped: ${name} (${describeExit(status)})`,
  sigkill: (name: string, pid: number) => `killing '${name}' (${pid}) with SIGKILL`,
  killing: (name: string, pid: number, group: boolean, signal: SignalName) =>
    `killing ${name} (pid ${pid}) ${group ? 'process group ' : ''}with signal SIG${signal}`,
  sending: (name: string, pid: number, signal: SignalName) =>
    `sending ${name} (pid ${pid}) sig SIG${signal}`,
  stopInBackoff: (name: string) => `Attempted to kill ${name}, which is in BACKOFF state.`,
  /** ours: a stop while the spawn still waited for its turn */
  stopBeforeSpawn: (name: string) => `stopped: ${name} (before it was spawned)`,
  alreadyRunning: (name: string) => `process '${name}' already running`,
  signalGone: (name: string, pid: number, purpose: SignalPurpose) =>
    `unable to signal ${name} (pid ${pid}), it probably just ${purpose === 'user' ? 'now ' : ''}exited on its own: [Errno 3] No such process`,
  signalFailed: (name: string, pid: number, purpose: SignalPurpose, message: string) =>
    purpose === 'user'
      ? `unknown problem sending sig ${name} (${pid}):${message}`
      : `unknown problem killing ${name} (${pid}):${message}`,
  waitingToStop: (name: string) => `waiting for ${name} to stop`,
  // ---- ours: readiness, liveness, dependencies, restart pacing ----
  /** keeps supervisord's `success: X entered RUNNING state` prefix that scripts look for */
  ready: (name: string) =>
    `success: ${name} entered RUNNING state, process is ready (readiness probe passed)`,
  notReady: (name: string, reason: string | null) => `not ready: ${name}: ${reason ?? 'failed'}`,
  notReadyInTime: (deadlineMs: number) => `Not ready within ${secondsText(deadlineMs)} seconds`,
  notReadyStopping: (name: string, deadlineMs: number, reason: string | null) =>
    `not ready: ${name} was not ready within ${secondsText(deadlineMs)} seconds${reason === null ? '' : ` (last probe: ${reason})`}; stopping it`,
  livenessFailed: (name: string, reason: string | null, failures: number) =>
    `liveness probe failed: ${name}: ${reason ?? 'failed'} (${failures} in a row)`,
  notLive: (name: string, reason: string | null, failures: number) =>
    `not live: ${name} failed its liveness probe ${failures} times in a row (${reason ?? 'failed'}); restarting it`,
  waiting: (name: string, waitingFor: string) => `waiting: ${name} is waiting for ${waitingFor}`,
  restartDelayed: (name: string, delayMs: number, streak: number) =>
    `restarting: ${name} in ${secondsText(delayMs)} seconds (restart ${streak} in a row)`,
  stopWhileDelayed: (name: string) => `stopped: ${name} (while waiting to restart)`,
  waitingToDie: (names: readonly string[]) => `waiting for ${names.join(', ')} to die`,
} as const;
