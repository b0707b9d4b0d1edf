// What our tssupervisor.* methods add to `status --json` (health and stats, by namespec), from
// one server; a server without them (supervisord) gives nulls.

import { makeNamespec } from '../../model/namespec.js';
import { catchFault } from '../../protocol/faults.js';
import type { TssupervisorApi } from '../../protocol/tssupervisor-api.js';
import type { ProcessExtras } from '../render/json.js';

/** Our methods' figures for --json, keyed by namespec; a server without them gives nulls. */
export const extrasFor = async (ours: TssupervisorApi): Promise<ProcessExtras> => {
  const [health, stats] = await Promise.all([
    catchFault(() => ours.getProcessHealth()),
    catchFault(() => ours.getProcessStats()),
  ]);
  const byNamespec = <T extends { name: string; group: string }>(rows: readonly T[]) =>
    new Map(rows.map((row) => [makeNamespec(row.group, row.name), row]));
  return {
    health: health.ok ? byNamespec(health.value) : null,
    stats: stats.ok ? byNamespec(stats.value) : null,
  };
};
