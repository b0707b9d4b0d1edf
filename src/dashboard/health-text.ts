// Readiness, liveness, dependencies and restart pacing in a few words, for the table's HEALTH
// column (`ready`, `not ready (3)`, `waiting for db`, `restart in 8 s`, `failing (2)`), and
// whether any process has them at all (only then does the table show the column). Pure.

import type { ProcessHealth } from './daemon-api.js';
import type { Colour } from './view-types.js';

export interface HealthWord {
  readonly text: string;
  readonly colour: Colour;
}

const NOTHING: HealthWord = { text: '', colour: 'grey' };

/** The most pressing thing to say about a process's health, or nothing. */
export const healthWord = (health: ProcessHealth | undefined): HealthWord => {
  if (health === undefined) {
    return NOTHING;
  }
  const failures = health.probeFailures > 0 ? ` (${health.probeFailures})` : '';
  if (health.waitingFor !== '') {
    return { text: `waiting for ${health.waitingFor}`, colour: 'yellow' };
  }
  if (health.restartInSec !== null) {
    return { text: `restart in ${Math.ceil(health.restartInSec)} s`, colour: 'yellow' };
  }
  if (health.readiness === 'pending') {
    return { text: `not ready${failures}`, colour: 'yellow' };
  }
  if (health.liveness === 'failing') {
    return { text: `failing${failures}`, colour: 'red' };
  }
  if (health.readiness === 'ready') {
    return { text: 'ready', colour: 'green' };
  }
  return health.liveness === 'ok' ? { text: 'live', colour: 'green' } : NOTHING;
};

/** A process has something for the column: a probe, or dependencies. */
export const hasHealth = (health: ProcessHealth): boolean =>
  health.readiness !== 'none' || health.liveness !== 'none' || health.dependsOn.length > 0;

export const anyHealth = (table: ReadonlyMap<string, ProcessHealth>): boolean =>
  [...table.values()].some(hasHealth);
