// A ProcessOutput that only remembers which children were attached and whether it was closed.

import type { ProcessConfig } from '../../src/config/types.js';
import type { ProcessOutput } from '../../src/ports/process-output.js';
import type { ChildHandle } from '../../src/ports/spawner.js';

export class FakeProcessOutput implements ProcessOutput {
  readonly attached: ChildHandle[] = [];
  closed = false;

  constructor(
    readonly stdoutPath: string | null,
    readonly stderrPath: string | null,
  ) {}

  attach(child: ChildHandle): void {
    this.attached.push(child);
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

/** A createOutput for the Supervisor that records every output it made, by process name. */
export const fakeOutputs = (): {
  readonly create: (p: ProcessConfig) => FakeProcessOutput;
  readonly byName: Map<string, FakeProcessOutput>;
} => {
  const byName = new Map<string, FakeProcessOutput>();
  return {
    byName,
    create: (p) => {
      const output = new FakeProcessOutput(
        `/var/log/${p.name}-stdout.log`,
        p.redirectStderr ? null : `/var/log/${p.name}-stderr.log`,
      );
      byName.set(p.name, output);
      return output;
    },
  };
};
