// PM2's side of the workload: an ecosystem file with the same programs (interpreter none, so
// PM2 runs the same bash scripts), and pm2-logrotate set to 50 MiB × 10 checked every second.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { WorkloadScripts } from '../workload/scripts.js';
import { Unsupported } from './subject.js';
import type { Workload } from './workload-spec.js';
import { programArgv, ROTATE_BACKUPS } from './workload-spec.js';

export const writeEcosystem = (
  workload: Workload,
  scripts: WorkloadScripts,
  dir: string,
): string => {
  const apps = workload.programs.map((program) => {
    if (program.kind === 'listener' || program.kind === 'logger') {
      throw new Unsupported('PM2 has no stdout_events_enabled nor event listeners');
    }
    if (program.kind === 'storm' || program.kind === 'crowd') {
      throw new Unsupported('the storm and the mass spawn are measured on the supervisords only');
    }
    const [script, ...args] = programArgv(program, scripts, workload.recordsFile);
    return {
      name: program.name,
      script,
      args,
      interpreter: 'none',
      exec_mode: 'fork',
      autorestart: program.kind === 'idle',
      out_file: program.kind === 'idle' ? '/dev/null' : program.logFile,
      error_file: '/dev/null',
    };
  });
  const path = join(dir, 'ecosystem.json');
  writeFileSync(path, JSON.stringify({ apps }, null, 1));
  return path;
};

/** What `pm2 set pm2-logrotate:…` would store; read by the module when it starts. */
export const writeLogrotateConf = (pm2Home: string): void => {
  writeFileSync(
    join(pm2Home, 'module_conf.json'),
    JSON.stringify({
      'pm2-logrotate': {
        max_size: '50M',
        retain: String(ROTATE_BACKUPS),
        workerInterval: '1',
        compress: false,
        rotateModule: false,
      },
    }),
  );
};
