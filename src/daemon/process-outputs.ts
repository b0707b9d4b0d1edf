// The daemon's registry of per-process logs: built (async) before a group is handed to the
// engine, looked up by the engine's sync createOutput, and reached by reopen (SIGUSR2) and RPC.

import type { GroupConfig, ProcessConfig, SupervisordConfig } from '../config/types.js';
import type { EventBus } from '../events/event-bus.js';
import type { PoolSettings } from '../events/listener-pool.js';
import type { ListenerPools } from '../events/listener-pools.js';
import {
  createProcessLogs,
  type ChannelLogOptions,
  type ProcessLogs,
} from '../logging/process-logs.js';
import type { MainLog } from '../logging/main-log.js';
import type { ByteSink, ForwardTargets } from '../logging/sinks.js';
import type { LogCounters } from '../rpc/metrics/families.js';
import type { Clock } from '../ports/clock.js';
import type { FileSystem } from '../ports/file-system.js';
import type { ProcessOutput } from '../ports/process-output.js';

/** A stopped daemon must not hang on a pipe a stray grandchild keeps open. */
const CLOSE_GRACE_MS = 2_000;

const keyOf = (p: ProcessConfig): string => `${p.groupName}:${p.name}`;

/** `forwardDefault`: [supervisord] forward_output, for a channel that does not say. */
const channelOptions = (
  stream: ProcessConfig['stdout'],
  forwardDefault: boolean,
): ChannelLogOptions => ({
  logfile: stream.logfile,
  maxBytes: stream.maxBytes,
  backups: stream.backups,
  eventsEnabled: stream.eventsEnabled,
  captureMaxBytes: stream.captureMaxBytes,
  forward: stream.forward ?? forwardDefault,
  syslog: stream.syslog,
});

/**
 * A listener's stdout is its protocol channel: logged, but no capture mode and no events, and
 * forwarded only when its own stdout_forward says so (not by forward_output).
 */
const listenerStdoutOptions = (stream: ProcessConfig['stdout']): ChannelLogOptions => ({
  ...channelOptions(stream, false),
  eventsEnabled: false,
  captureMaxBytes: 0,
  syslog: false,
});

export interface ProcessOutputsDeps {
  readonly fs: FileSystem;
  readonly clock: Clock;
  readonly mainLog: MainLog;
  readonly bus: EventBus;
  readonly supervisord: SupervisordConfig;
  /** the event listener pools: listener processes get their protocol-aware output there */
  readonly listeners?: ListenerPools;
  /** the daemon's own stdout and stderr, where *_forward output goes (null: nowhere) */
  readonly forwardTo: ForwardTargets | null;
  /** where *_syslog lines go (null: nowhere) */
  readonly syslog: ByteSink | null;
}

export class ProcessOutputs {
  private readonly logs = new Map<string, ProcessLogs>();
  /** the pool of each event listener process */
  private readonly listenerPools = new Map<string, PoolSettings>();

  constructor(private readonly deps: ProcessOutputsDeps) {}

  /** Create the logs of every process of these groups (AUTO files appear now). */
  async prepare(groups: readonly GroupConfig[]): Promise<void> {
    const { supervisord, mainLog } = this.deps;
    for (const group of groups) {
      for (const process of group.processes) {
        const listener = group.eventListener;
        if (listener === null) {
          this.listenerPools.delete(keyOf(process));
        } else {
          const { events, bufferSize } = listener;
          this.listenerPools.set(keyOf(process), { name: group.name, events, bufferSize });
        }
      }
    }
    for (const process of groups.flatMap((g) => g.processes)) {
      const isListener = this.listenerPools.has(keyOf(process));
      const stdout = isListener
        ? listenerStdoutOptions(process.stdout)
        : channelOptions(process.stdout, supervisord.forwardOutput);
      const stderr = channelOptions(process.stderr, supervisord.forwardOutput);
      const forwards = stdout.forward === true || stderr.forward === true;
      const logs = await createProcessLogs(
        {
          processName: process.name,
          groupName: process.groupName,
          programName: process.programName,
          logFormat: process.logFormat,
          identifier: supervisord.identifier,
          childLogDir: supervisord.childlogdir,
          stdout,
          stderr,
          redirectStderr: process.redirectStderr,
          stripAnsi: supervisord.stripAnsi,
        },
        {
          fs: this.deps.fs,
          logger: mainLog,
          debugCopy: mainLog.isEnabled('debug') ? mainLog : null,
          events: this.deps.bus,
          clock: this.deps.clock,
          forwardTo: forwards ? this.deps.forwardTo : null,
          syslog: this.deps.syslog,
        },
      );
      this.logs.set(keyOf(process), logs);
    }
  }

  /** The engine's createOutput: only for processes prepared above. */
  outputFor(process: ProcessConfig): ProcessOutput {
    const logs = this.logs.get(keyOf(process));
    if (logs === undefined) {
      throw new Error(`internal error: no logs prepared for ${keyOf(process)}`);
    }
    const output: ProcessOutput = {
      get stdoutPath() {
        return logs.stdoutPath;
      },
      get stderrPath() {
        return logs.stderrPath;
      },
      attach: (child) => logs.attach(child),
      close: async () => {
        await this.closeWithin(logs, CLOSE_GRACE_MS);
        // `update` removes and re-adds a group at once: keep the new group's logs.
        if (this.logs.get(keyOf(process)) === logs) {
          this.logs.delete(keyOf(process));
        }
      },
    };
    const pool = this.listenerPools.get(keyOf(process));
    if (pool === undefined || this.deps.listeners === undefined) {
      return output;
    }
    return this.deps.listeners.listenerOutput(pool, process.name, output, {
      record: (data, pid) => logs.record('stdout', data, pid),
      onceWritable: (callback) => logs.onceWritable('stdout', callback),
    });
  }

  get(groupName: string, processName: string): ProcessLogs | undefined {
    return this.logs.get(`${groupName}:${processName}`);
  }

  /** GET /metrics: the counters of each channel of a process that has a log file. */
  logCounters(groupName: string, processName: string): LogCounters[] {
    const logs = this.get(groupName, processName);
    if (logs === undefined) {
      return [];
    }
    return (['stdout', 'stderr'] as const).flatMap((channel) => {
      const stats = logs.fileStats(channel);
      return stats === null
        ? []
        : [{ channel, writtenBytes: stats.writtenBytes, droppedBytes: stats.droppedBytes }];
    });
  }

  async reopenAll(): Promise<void> {
    await Promise.all([...this.logs.values()].map((l) => l.reopen()));
  }

  private closeWithin(logs: ProcessLogs, graceMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = this.deps.clock.setTimer(graceMs, resolve);
      void logs.close().then(() => {
        timer.cancel();
        resolve();
      });
    });
  }
}
