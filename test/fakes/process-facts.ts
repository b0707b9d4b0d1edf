// A process's facts as the engine would report them (a STOPPED process that never ran), for
// tests of what the API makes of them.

import type { ProcessFacts } from '../../src/model/process-facts.js';

export const processFacts = (overrides: Partial<ProcessFacts> = {}): ProcessFacts => ({
  name: 'web',
  group: 'web',
  state: 'STOPPED',
  pid: 0,
  startedAtSec: 0,
  stoppedAtSec: 0,
  spawnErr: null,
  exitStatus: 0,
  stdoutLogfile: null,
  stderrLogfile: null,
  reason: null,
  ...overrides,
});
