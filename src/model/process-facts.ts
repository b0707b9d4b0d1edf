// The process-info shape: what the engine knows of one process at a moment, as the API's process
// info reports it (protocol/process-info.ts encodes it). Engine-only details stay in the engine.

import type { ProcessStateName } from './process-state.js';

export interface ProcessFacts {
  readonly name: string;
  readonly group: string;
  readonly state: ProcessStateName;
  /** 0 when there is no process */
  readonly pid: number;
  /** epoch seconds of the last start attempt, 0 if never */
  readonly startedAtSec: number;
  /** epoch seconds of the last exit, 0 if never */
  readonly stoppedAtSec: number;
  readonly spawnErr: string | null;
  /** last exit code, -1 for a death by signal, 0 if none */
  readonly exitStatus: number;
  readonly stdoutLogfile: string | null;
  readonly stderrLogfile: string | null;
  /**
   * ours: why it is not (or not quite) up, from readiness, liveness, depends_on or restart
   * pacing (`waiting for db`, `not ready: connection refused (3)`); null otherwise
   */
  readonly reason: string | null;
}
