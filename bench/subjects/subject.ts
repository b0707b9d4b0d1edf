// The common face of the three supervisors under test: launch one on a workload, ask it what it
// runs, time its status listing and ctl command, stop everything, and tear it all down.

import type { Workload } from './workload-spec.js';

export type SupervisorId = 'tssupervisord' | 'supervisord' | 'pm2';
export type SubjectId = SupervisorId | 'floor';

export const SUPERVISORS: readonly SupervisorId[] = ['tssupervisord', 'supervisord', 'pm2'];

/** The subject cannot do this (yet), e.g. an RPC method that has not landed. */
export class Unsupported extends Error {}

export interface ProcessCounts {
  readonly total: number;
  readonly running: number;
  readonly stopped: number;
}

export interface CtlTiming {
  readonly ms: number;
  /** lines of output (one per process for a status listing) */
  readonly lines: number;
  /** what was run, e.g. "supervisorctl status" */
  readonly command: string;
}

export interface LaunchedSupervisor {
  readonly id: SupervisorId;
  /** the subject's private dir (config, logs, sockets, records) */
  readonly dir: string;
  /** wall-clock ms just before the daemon (or PM2 CLI) was spawned */
  readonly launchedAtMs: number;
  /** the daemon's own main log (`YYYY-MM-DD HH:MM:SS,mmm LEVEL text`); null for PM2 */
  readonly mainLog: string | null;
  /** the daemon's XML-RPC unix socket; null for PM2 */
  readonly rpcSocket: string | null;
  /** the daemon process(es) whose CPU and memory count (PM2: God, plus pm2-logrotate if used) */
  daemonPids(): number[];
  /** resolves once the daemon answers its API (RPC socket / PM2 ping done) */
  ready(timeoutMs: number): Promise<void>;
  /** wall-clock ms at which the daemon's own log reported `count` programs RUNNING (online) */
  waitRunning(count: number, timeoutMs: number): Promise<number>;
  /** what the daemon's API reports (getAllProcessInfo / pm2 list) */
  counts(): Promise<ProcessCounts>;
  /** times `calls` status listings through the API, stopping early after `budgetMs` (min 3) */
  timeListing(calls: number, budgetMs: number): Promise<number[]>;
  /** the same, timed to the last byte of the raw response (no client decoding); supervisors only */
  timeRawListing(calls: number, budgetMs: number): Promise<number[]>;
  /** runs the status command once (supervisorctl status / pm2 ls / pm2 jlist) */
  ctlStatus(variant: 'status' | 'jlist'): Promise<CtlTiming>;
  /** stops every program and waits for it (stopAllProcesses / pm2 stop all); returns ms */
  stopAll(): Promise<number>;
  /** the writer's log files, oldest first, the live file last */
  writerLogFiles(logFile: string): string[];
  /** kills everything this launch started and removes nothing else */
  close(): Promise<void>;
  /** notes about how this subject was measured (fallbacks), for the report */
  readonly notes: string[];
}

export interface SupervisorSubject {
  readonly id: SupervisorId;
  readonly version: string;
  launch(workload: Workload, dir: string): Promise<LaunchedSupervisor>;
}
