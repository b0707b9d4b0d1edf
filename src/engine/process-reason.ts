// Derived from a process's state and policy (pure): which probe should run now, and the short
// reason status shows for a process held up by readiness, liveness, depends_on or restart pacing,
// or restarted by a trigger (and when restart_on_cron next restarts it).

import { localMinuteText } from './cron-next.js';
import type { ProbeKind, ProcessPolicy, ProcessState, StateOf } from './machine-types.js';
import { secondsText } from './log-texts.js';

/** Readiness while STARTING (spawned, with a probe), liveness while RUNNING (with a probe). */
export const probeWanted = (
  state: ProcessState,
  policy: ProcessPolicy,
): { readonly kind: ProbeKind; readonly pid: number } | null => {
  if (state.kind === 'starting' && state.pid !== null && policy.readiness !== null) {
    return { kind: 'readiness', pid: state.pid };
  }
  if (state.kind === 'running' && policy.liveness !== null) {
    return { kind: 'liveness', pid: state.pid };
  }
  return null;
};

export interface ReasonContext {
  readonly nowMs: number;
  /** asked only for a waiting process */
  readonly waitingFor: () => string | null;
  /** why a restart trigger last restarted it (shown while RUNNING); null when none did */
  readonly lastTrigger?: string | null;
  /** restart_on_cron: wall-clock epoch ms of the next restart */
  readonly nextCronMs?: number | null;
}

/** While RUNNING: a failing liveness probe, the last triggered restart, the next cron restart. */
const runningReason = (
  state: StateOf<'running'>,
  policy: ProcessPolicy,
  ctx: ReasonContext,
): string | null => {
  const parts: string[] = [];
  if (state.liveness !== undefined && state.liveness.failures > 0 && policy.liveness !== null) {
    parts.push(
      `liveness failing: ${state.liveness.reason ?? 'failed'} (${state.liveness.failures}/${policy.liveness.failureThreshold})`,
    );
  }
  if (ctx.lastTrigger != null) {
    parts.push(`restarted: ${ctx.lastTrigger}`);
  }
  if (ctx.nextCronMs != null) {
    parts.push(`next restart ${localMinuteText(ctx.nextCronMs)}`);
  }
  return parts.length === 0 ? null : parts.join('; ');
};

/** A stop the engine decided on itself says why. */
const stoppingReason = (state: StateOf<'stopping'>): string | null => {
  switch (state.after?.kind) {
    case 'restart':
      return 'restarting: liveness probe failed';
    case 'trigger':
      return `restarting: ${state.after.reason}`;
    case 'backoff':
      return 'stopping: not ready in time';
    case undefined:
      return null;
  }
};

export const waitReason = (
  state: ProcessState,
  policy: ProcessPolicy,
  ctx: ReasonContext,
): string | null => {
  switch (state.kind) {
    case 'waiting': {
      const what = ctx.waitingFor();
      return what === null ? 'starting' : `waiting for ${what}`;
    }
    case 'starting':
      if (state.readiness === undefined || policy.readiness === null) {
        return null;
      }
      return state.readiness.reason === null
        ? 'not ready yet'
        : `not ready: ${state.readiness.reason} (${state.readiness.failures})`;
    case 'running':
      return runningReason(state, policy, ctx);
    case 'delayed':
      return `restarting in ${secondsText(Math.max(0, state.untilMs - ctx.nowMs))} s`;
    case 'stopping':
      return stoppingReason(state);
    case 'stopped':
    case 'backoff':
    case 'exited':
    case 'fatal':
    case 'unknown':
      return null;
  }
};

/** What readiness, liveness, depends_on and pacing say about a process, for clients. */
export interface ProcessHealth {
  /** none: no readiness probe; pending: spawned, not ready yet; ready: it passed (RUNNING) */
  readonly readiness: 'none' | 'pending' | 'ready' | 'down';
  /** none: no liveness probe; ok; failing: failures in a row below the threshold */
  readonly liveness: 'none' | 'ok' | 'failing' | 'down';
  /** failures in a row of the probe now running (0 when none) */
  readonly probeFailures: number;
  /** what of its depends_on it waits for; null when it does not wait */
  readonly waitingFor: string | null;
  /** restart pacing: ms until the delayed restart; null when none is pending */
  readonly restartInMs: number | null;
  /** why a restart trigger last restarted it; null when none did (or it has stopped since) */
  readonly restartedBy: string | null;
  /** restart_on_cron: wall-clock epoch ms of the next restart; null without one */
  readonly nextRestartMs: number | null;
}

export const healthOf = (
  state: ProcessState,
  policy: ProcessPolicy,
  ctx: ReasonContext,
): ProcessHealth => {
  const readiness =
    policy.readiness === null
      ? 'none'
      : state.kind === 'running'
        ? 'ready'
        : state.kind === 'starting' && state.pid !== null
          ? 'pending'
          : 'down';
  const liveness =
    policy.liveness === null
      ? 'none'
      : state.kind !== 'running'
        ? 'down'
        : (state.liveness?.failures ?? 0) > 0
          ? 'failing'
          : 'ok';
  const tally =
    state.kind === 'starting'
      ? state.readiness
      : state.kind === 'running'
        ? state.liveness
        : undefined;
  return {
    readiness,
    liveness,
    probeFailures: tally?.failures ?? 0,
    waitingFor: state.kind === 'waiting' ? ctx.waitingFor() : null,
    restartInMs: state.kind === 'delayed' ? Math.max(0, state.untilMs - ctx.nowMs) : null,
    restartedBy: ctx.lastTrigger ?? null,
    nextRestartMs: ctx.nextCronMs ?? null,
  };
};
