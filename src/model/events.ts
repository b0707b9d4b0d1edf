// The typed events the engine publishes and listeners, RPC waiters and the dashboard consume.
// Names and payload fields follow supervisord's event types (spec §7).

import type { ProcessStateName } from './process-state.js';

export type OutputChannel = 'stdout' | 'stderr';

export interface ProcessStateEvent {
  readonly type: 'PROCESS_STATE';
  readonly processName: string;
  readonly groupName: string;
  readonly from: ProcessStateName;
  readonly to: ProcessStateName;
  /** pid for STOPPED/EXITED/STOPPING/RUNNING payloads (0 where the reference sends 0). */
  readonly pid: number;
  /** backoff count for STARTING/BACKOFF payloads. */
  readonly tries: number;
  /** for EXITED: whether the exit code was in exitcodes. */
  readonly expected: boolean;
}

export interface ProcessLogEvent {
  readonly type: 'PROCESS_LOG';
  readonly channel: OutputChannel;
  readonly processName: string;
  readonly groupName: string;
  readonly pid: number;
  readonly data: Uint8Array;
}

export interface ProcessCommunicationEvent {
  readonly type: 'PROCESS_COMMUNICATION';
  readonly channel: OutputChannel;
  readonly processName: string;
  readonly groupName: string;
  readonly pid: number;
  readonly data: Uint8Array;
}

export interface RemoteCommunicationEvent {
  readonly type: 'REMOTE_COMMUNICATION';
  readonly commType: string;
  readonly data: string;
}

export interface SupervisorStateChangeEvent {
  readonly type: 'SUPERVISOR_STATE_CHANGE';
  readonly to: 'RUNNING' | 'STOPPING';
}

export interface TickEvent {
  readonly type: 'TICK';
  readonly period: 5 | 60 | 3600;
  /** epoch seconds of the period boundary */
  readonly when: number;
}

export interface ProcessGroupEvent {
  readonly type: 'PROCESS_GROUP';
  readonly change: 'ADDED' | 'REMOVED';
  readonly groupName: string;
}

/**
 * Ours: a readiness or liveness probe decided something (readiness_probe / liveness_probe).
 * READY: it passed and the process entered RUNNING; NOT_READY: the deadline passed and the
 * process is being stopped; NOT_LIVE: enough liveness failures in a row, it is being restarted.
 */
export interface ProcessHealthEvent {
  readonly type: 'PROCESS_HEALTH';
  readonly change: 'READY' | 'NOT_READY' | 'NOT_LIVE';
  readonly processName: string;
  readonly groupName: string;
  readonly pid: number;
  /** failures in a row so far (0 for READY) */
  readonly failures: number;
  /** the last failed probe's reason; '' for READY */
  readonly reason: string;
}

export type SupervisorEvent =
  | ProcessStateEvent
  | ProcessHealthEvent
  | ProcessLogEvent
  | ProcessCommunicationEvent
  | RemoteCommunicationEvent
  | SupervisorStateChangeEvent
  | TickEvent
  | ProcessGroupEvent;

export type SupervisorEventType = SupervisorEvent['type'];
