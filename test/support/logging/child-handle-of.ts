// Adapts a node ChildProcess (structurally, so logging/ needs no child_process import) to the
// ChildHandle port, for integration tests that spawn real children without the daemon's spawner.

import type { Readable } from 'node:stream';

import type { ChildHandle } from '../../../src/ports/spawner.js';

interface SpawnedLike {
  readonly pid?: number | undefined;
  readonly stdout: Readable | null;
  readonly stderr: Readable | null;
  kill(signal: NodeJS.Signals): boolean;
}

export const childHandleOf = (child: SpawnedLike): ChildHandle => ({
  pid: child.pid ?? 0,
  stdout: child.stdout,
  stderr: child.stderr,
  stdin: null,
  signal: (signal) =>
    child.kill(`SIG${signal}` as NodeJS.Signals) ? { kind: 'sent' } : { kind: 'gone' },
  onExit: () => undefined,
});
