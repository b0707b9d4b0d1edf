// tssupervisor.getProcessHealth's struct, both sides: the server's encoder (one process's
// readiness, liveness, dependency wait, restart pacing and restart triggers) and the clients'
// reader.

import { readStruct, type WireValue } from './wire-value.js';
import { cappedInt } from './process-info.js';
import { XmlRpcDouble } from './xmlrpc/xmlrpc-value.js';

/** What the engine knows of one process's health, as the encoder takes it. */
export interface ProcessHealthFacts {
  readonly name: string;
  readonly group: string;
  readonly state: string;
  readonly readiness: string;
  readonly liveness: string;
  readonly probeFailures: number;
  readonly waitingFor: string | null;
  readonly restartInMs: number | null;
  /** its depends_on entries, `name:condition` */
  readonly dependsOn: readonly string[];
  readonly reason: string | null;
  /** why a restart trigger last restarted it (while it runs on); null when none did */
  readonly restartedBy: string | null;
  /** restart_on_cron: wall-clock epoch ms of the next restart; null without one */
  readonly nextRestartMs: number | null;
}

export type ProcessHealthStruct = {
  readonly name: string;
  readonly group: string;
  readonly statename: string;
  /** none | pending | ready | down */
  readonly readiness: string;
  /** none | ok | failing | down */
  readonly liveness: string;
  readonly probe_failures: number;
  /** '' when it does not wait */
  readonly waiting_for: string;
  /** seconds until a paced restart, -1 when none is pending */
  readonly restart_in: XmlRpcDouble;
  readonly depends_on: readonly string[];
  /** what status shows beside the state ('' when nothing is held up) */
  readonly reason: string;
  /** the reason of the last triggered restart (memory, cron, watch); '' when none */
  readonly restarted_by: string;
  /** restart_on_cron: epoch seconds of the next restart, 0 when none */
  readonly next_restart: number;
};

/** As a client reads it: restart_in a plain number. */
export type ProcessHealthInfo = Omit<ProcessHealthStruct, 'restart_in'> & {
  readonly restart_in: number;
};

export const encodeProcessHealth = (facts: ProcessHealthFacts): ProcessHealthStruct => ({
  name: facts.name,
  group: facts.group,
  statename: facts.state,
  readiness: facts.readiness,
  liveness: facts.liveness,
  probe_failures: facts.probeFailures,
  waiting_for: facts.waitingFor ?? '',
  // Tenths of a second: what a person reads; -1 says "none pending".
  restart_in: new XmlRpcDouble(
    facts.restartInMs === null ? -1 : Math.round(facts.restartInMs / 100) / 10,
  ),
  depends_on: facts.dependsOn,
  reason: facts.reason ?? '',
  restarted_by: facts.restartedBy ?? '',
  next_restart:
    facts.nextRestartMs === null ? 0 : cappedInt(Math.floor(facts.nextRestartMs / 1000)),
});

export const readProcessHealth = (method: string, value: WireValue): ProcessHealthInfo => {
  const s = readStruct(method, value);
  return {
    name: s.string('name'),
    group: s.string('group'),
    statename: s.string('statename'),
    readiness: s.string('readiness'),
    liveness: s.string('liveness'),
    probe_failures: s.int('probe_failures'),
    waiting_for: s.string('waiting_for'),
    restart_in: s.number('restart_in'),
    depends_on: s.stringArray('depends_on'),
    reason: s.string('reason'),
    // Absent from daemons before restart triggers.
    restarted_by: s.optionalString('restarted_by', ''),
    next_restart: s.optionalInt('next_restart', 0),
  };
};
