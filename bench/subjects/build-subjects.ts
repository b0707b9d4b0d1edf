// Builds the subjects the run asked for: tssupervisord from its bin dir, the real supervisord
// (installed if missing), PM2 (installed into bench/.deps if missing). Returns their versions.

import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { ensurePm2 } from '../deps/pm2.js';
import { ensureSupervisord } from '../deps/supervisord.js';
import type { BenchOptions } from '../options.js';
import { runCommand } from '../proc/run-command.js';
import type { WorkloadScripts } from '../workload/scripts.js';
import { pm2Subject } from './pm2-subject.js';
import type { SupervisorId, SupervisorSubject } from './subject.js';
import { supervisordFamily } from './supervisord-family.js';

export interface BuiltSubjects {
  readonly subjects: Map<SupervisorId, SupervisorSubject>;
  readonly versions: Record<string, string>;
}

export const buildSubjects = async (
  options: BenchOptions,
  scripts: WorkloadScripts,
  paths: { readonly repoRoot: string; readonly probeScript: string },
  log: (line: string) => void,
): Promise<BuiltSubjects> => {
  const subjects = new Map<SupervisorId, SupervisorSubject>();
  const versions: Record<string, string> = { node: process.version };
  const wanted = new Set(options.subjects);
  // supervisorctl is also the fallback ctl for tssupervisord, so find it either way.
  const real = await ensureSupervisord(log);
  if (wanted.has('tssupervisord')) {
    const daemon = join(options.tsBin, 'tssupervisord');
    const ctl = join(options.tsBin, 'tssupervisorctl');
    const probe = await runCommand(process.execPath, [daemon, '-v']);
    if (probe.code !== 0 || !existsSync(daemon)) {
      throw new Error(`${daemon} -v failed (not built? run npm run build): ${probe.stderr}`);
    }
    versions['tssupervisord'] = probe.stdout.trim();
    subjects.set(
      'tssupervisord',
      supervisordFamily(
        {
          id: 'tssupervisord',
          version: versions['tssupervisord'],
          daemon: (conf) => [process.execPath, ...options.tsNodeArgs, daemon, '-n', '-c', conf],
          ctl: (conf) => [process.execPath, ctl, '-c', conf],
          ctlFallback: (conf) => [real.supervisorctl, '-c', conf],
          gracefulClose: options.tsNodeArgs.length > 0,
        },
        scripts,
      ),
    );
  }
  if (wanted.has('supervisord')) {
    versions['supervisord'] = real.version;
    subjects.set(
      'supervisord',
      supervisordFamily(
        {
          id: 'supervisord',
          version: real.version,
          daemon: (conf) => [real.supervisord, '-n', '-c', conf],
          ctl: (conf) => [real.supervisorctl, '-c', conf],
          ctlFallback: null,
          gracefulClose: false,
        },
        scripts,
      ),
    );
  }
  if (wanted.has('pm2')) {
    const pm2 = await ensurePm2(join(paths.repoRoot, 'bench', '.deps'), log);
    versions['pm2'] = pm2.version;
    versions['pm2-logrotate'] = pm2.logrotateVersion;
    subjects.set('pm2', pm2Subject(pm2, scripts, paths.probeScript));
  }
  return { subjects, versions };
};

/** The commit the measured tssupervisord was built from, flagged when src/ had local changes. */
export const sourceVersion = async (repoRoot: string): Promise<Record<string, string>> => {
  const head = await runCommand('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot }).catch(
    () => null,
  );
  if (head?.code !== 0) {
    return {};
  }
  const dirty = await runCommand('git', ['status', '--porcelain', '--', 'src'], { cwd: repoRoot });
  const changed = dirty.stdout.trim() !== '';
  return {
    'tssupervisor commit': `${head.stdout.trim()}${changed ? ' (+ uncommitted changes in src/)' : ''}`,
  };
};
