// Finds the real supervisord/supervisorctl (Debian's `supervisor`), installing the package with
// apt-get when it is missing and we are root. Returns the paths and the version it reports.

import { existsSync } from 'node:fs';

import { runChecked, runCommand } from '../proc/run-command.js';

export interface SupervisordInstall {
  readonly supervisord: string;
  readonly supervisorctl: string;
  readonly version: string;
}

const candidates = (name: string): string[] => [
  `/usr/bin/${name}`,
  `/usr/local/bin/${name}`,
  `/usr/sbin/${name}`,
];

const locate = (name: string): string | null => candidates(name).find(existsSync) ?? null;

export const ensureSupervisord = async (
  log: (line: string) => void,
): Promise<SupervisordInstall> => {
  let supervisord = locate('supervisord');
  if (supervisord === null) {
    if (process.getuid?.() !== 0) {
      throw new Error(
        'supervisord is not installed; run as root or `sudo apt-get install -y supervisor`',
      );
    }
    log('installing Debian package supervisor (apt-get)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    await runChecked('apt-get', ['update', '-qq'], { env, timeoutMs: 300_000 });
    await runChecked('apt-get', ['install', '-y', '-qq', 'supervisor'], {
      env,
      timeoutMs: 600_000,
    });
    // The package starts a system-wide supervisord; the bench runs its own and leaves that alone.
    supervisord = locate('supervisord');
  }
  const supervisorctl = locate('supervisorctl');
  if (supervisord === null || supervisorctl === null) {
    throw new Error('supervisord/supervisorctl not found after installing supervisor');
  }
  const version = await runCommand(supervisord, ['--version']);
  return { supervisord, supervisorctl, version: version.stdout.trim() };
};
