// Our own version, read from the package.json two levels above the running file (the bundles in
// dist/bundle/ and the tsc output in dist/<folder>/ both sit there, see decision 004).

import { readFileSync } from 'node:fs';

export const packageVersion = (): string => {
  try {
    const pkg: unknown = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    );
    return typeof pkg === 'object' &&
      pkg !== null &&
      'version' in pkg &&
      typeof pkg.version === 'string'
      ? pkg.version
      : 'unknown';
  } catch {
    return 'unknown';
  }
};
