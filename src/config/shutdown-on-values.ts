// shutdown_on's values (ours: supervisord ignores the key): which exits of a program end the
// daemon, as a container's main process ends the container.

import type { ShutdownOn } from './types.js';
import { InvalidValue, pyStrip } from './python-str.js';

const CHOICES: readonly ShutdownOn[] = ['never', 'fatal', 'unexpected', 'exit'];

export const toShutdownOn = (raw: string): ShutdownOn => {
  const lowered = pyStrip(raw).toLowerCase();
  const choice = CHOICES.find((c) => c === lowered);
  if (choice === undefined) {
    throw new InvalidValue(`invalid 'shutdown_on' value '${raw}': use ${CHOICES.join(', ')}`);
  }
  return choice;
};
