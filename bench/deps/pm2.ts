// PM2 for the comparison: installed on demand with npm into bench/.deps (gitignored, never a
// project dependency), with pm2-logrotate, PM2's own answer to log rotation.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { runChecked } from '../proc/run-command.js';

export const PM2_SPEC = 'pm2@7';
export const PM2_LOGROTATE_SPEC = 'pm2-logrotate@3';

export interface Pm2Install {
  /** the package directory, for require() */
  readonly packageDir: string;
  /** the CLI entry (run with node) */
  readonly cli: string;
  readonly logrotateDir: string;
  readonly version: string;
  readonly logrotateVersion: string;
}

const versionOf = (packageDir: string): string => {
  const json: unknown = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  return typeof json === 'object' && json !== null && 'version' in json
    ? String(json.version)
    : 'unknown';
};

export const ensurePm2 = async (
  depsDir: string,
  log: (line: string) => void,
): Promise<Pm2Install> => {
  const modules = join(depsDir, 'node_modules');
  const packageDir = join(modules, 'pm2');
  const logrotateDir = join(modules, 'pm2-logrotate');
  if (!existsSync(join(packageDir, 'package.json')) || !existsSync(logrotateDir)) {
    log(`installing ${PM2_SPEC} and ${PM2_LOGROTATE_SPEC} into ${depsDir} (npm)…`);
    await runChecked(
      'npm',
      [
        'install',
        '--prefix',
        depsDir,
        '--no-save',
        '--no-audit',
        '--no-fund',
        PM2_SPEC,
        PM2_LOGROTATE_SPEC,
      ],
      { timeoutMs: 600_000 },
    );
  }
  return {
    packageDir,
    cli: join(packageDir, 'bin', 'pm2'),
    logrotateDir,
    version: versionOf(packageDir),
    logrotateVersion: versionOf(logrotateDir),
  };
};
