// Loading a config text as the daemon would, from an in-memory host: the shared helpers of the
// config tests (the main file sits at MAIN; other files, users and env come from `init`).

import { loadConfig, type LoadOptions } from '../../src/config/load.js';
import type { Config, ConfigError } from '../../src/config/types.js';
import { memoryConfigHost, type MemoryConfigHostInit } from './memory-config-host.js';

export const MAIN = '/etc/supervisor/supervisord.conf';

export const host = (
  text: string,
  init: MemoryConfigHostInit = {},
): ReturnType<typeof memoryConfigHost> =>
  memoryConfigHost({ ...init, files: { [MAIN]: text, ...init.files } });

/** The loaded config; a refused one fails the test with its messages. */
export const ok = (
  text: string,
  init: MemoryConfigHostInit = {},
  options?: LoadOptions,
): Config => {
  const result = loadConfig(MAIN, host(text, init), options);
  if (!result.ok) {
    throw new Error(result.errors.map((e) => e.message).join('\n'));
  }
  return result.config;
};

/** The errors of a refused config; an accepted one fails the test. */
export const errors = (text: string, init: MemoryConfigHostInit = {}): readonly ConfigError[] => {
  const result = loadConfig(MAIN, host(text, init));
  if (result.ok) {
    throw new Error('expected the config to be refused');
  }
  return result.errors;
};

/** The tail supervisord puts after an option error. */
export const suffix = (section: string, file = MAIN): string =>
  ` in section '${section}' (file: '${file}')`;
