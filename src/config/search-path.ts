// Where supervisord looks for its config file without -c (spec §1.1).

import type { ConfigHost } from './host.js';
import { pathExists } from './include.js';
import { abspath, dirname, join } from './posix-path.js';

/** The default locations, in order; HERE is two levels above argv0 (`/usr` for /usr/bin/x). */
export const configSearchPaths = (argv0: string): string[] => {
  const here = dirname(dirname(argv0));
  return [
    join(here, 'etc', 'supervisord.conf'),
    join(here, 'supervisord.conf'),
    'supervisord.conf',
    'etc/supervisord.conf',
    '/etc/supervisord.conf',
    '/etc/supervisor/supervisord.conf',
  ];
};

/** The first default location that exists, as written in the list (relative ones stay relative). */
export const findConfigFile = (argv0: string, host: ConfigHost): string | undefined =>
  configSearchPaths(argv0).find((path) => pathExists(host, abspath(path, host.cwd)));

/** supervisord's message when no file was found. */
export const noConfigFileMessage = (argv0: string): string =>
  `No config file found at default paths (${configSearchPaths(argv0).join(', ')}); use the -c option to specify a config file at a different path`;
