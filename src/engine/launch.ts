// Launching a process through the Spawner port: plan the spawn (argv, PATH, environment), spawn,
// and word a failure as supervisord's spawnerr. Never throws.

import type { ProcessConfig } from '../config/types.js';
import type { ChildHandle, SpawnResult, Spawner } from '../ports/spawner.js';
import { describeSpawnFailure, planSpawn, type SpawnEnvironment } from './spawn-spec.js';

export type Launch =
  | { readonly ok: true; readonly child: ChildHandle }
  | { readonly ok: false; readonly spawnErr: string };

export const launch = (config: ProcessConfig, env: SpawnEnvironment, spawner: Spawner): Launch => {
  const plan = planSpawn(config, env, (file, path) => spawner.lookupCommand(file, path));
  if (!plan.ok) {
    return { ok: false, spawnErr: plan.message };
  }
  let result: SpawnResult;
  try {
    result = spawner.spawn(plan.spec);
  } catch (error) {
    // The port promises not to throw; if it does anyway, this child fails, not the daemon.
    result = { ok: false, errno: 'EUNKNOWN', message: String(error) };
  }
  return result.ok
    ? { ok: true, child: result.child }
    : { ok: false, spawnErr: describeSpawnFailure(config.name, result.errno, result.message) };
};
