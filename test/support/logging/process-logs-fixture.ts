// ProcessLogs on a memory file system with fake children (PassThrough pipes), for the unit tests
// of process-logs and of log_format/forwarding: build, feed, end, wait.

import { PassThrough } from 'node:stream';

import { EventBus } from '../../../src/events/event-bus.js';
import type { LogLevel } from '../../../src/model/log-level.js';
import { createProcessLogs } from '../../../src/logging/process-logs.js';
import type {
  ChannelLogOptions,
  ProcessLogsDeps,
  ProcessLogsOptions,
} from '../../../src/logging/process-logs.js';
import type { ChildHandle } from '../../../src/ports/spawner.js';
import { ManualClock } from '../../fakes/manual-clock.js';
import { MemoryFileSystem } from './memory-file-system.js';

export interface FakeChild extends ChildHandle {
  readonly stdout: PassThrough;
  readonly stderr: PassThrough | null;
}

export const fakeChild = (pid: number, withStderr = true): FakeChild => ({
  pid,
  stdout: new PassThrough(),
  stderr: withStderr ? new PassThrough() : null,
  stdin: null,
  signal: () => ({ kind: 'sent' }),
  onExit: () => undefined,
});

export const channel = (overrides: Partial<ChannelLogOptions> = {}): ChannelLogOptions => ({
  logfile: { kind: 'auto' },
  maxBytes: 0,
  backups: 0,
  eventsEnabled: false,
  ...overrides,
});

export const buildProcessLogs = async (
  options: Partial<ProcessLogsOptions> = {},
  deps: Partial<ProcessLogsDeps> = {},
) => {
  const fs = new MemoryFileSystem();
  fs.mkdir('/logs');
  const lines: string[] = [];
  const bus = new EventBus();
  const logs = await createProcessLogs(
    {
      processName: 'web',
      groupName: 'grp',
      identifier: 'supervisor',
      childLogDir: '/logs',
      stdout: channel(),
      stderr: channel(),
      redirectStderr: false,
      stripAnsi: false,
      ...options,
    },
    {
      fs,
      logger: {
        log: (level: LogLevel, message: string) => lines.push(`${level} ${message}`),
        isEnabled: () => true,
      },
      debugCopy: null,
      events: bus,
      clock: new ManualClock(),
      random: () => 0.5,
      ...deps,
    },
  );
  return { fs, logs, lines, bus };
};

/** Yield to I/O until `condition` holds (the memory fs completes in a few turns). */
export const until = async (condition: () => boolean): Promise<void> => {
  for (let turns = 0; !condition(); turns++) {
    if (turns > 1000) {
      throw new Error('condition not reached');
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
};

/** End the child's pipes, with last words. */
export const endChild = async (child: FakeChild, out: string, err = ''): Promise<void> => {
  child.stdout.end(out);
  child.stderr?.end(err);
  await Promise.resolve();
};
