import { PassThrough } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { ManualClock } from '../../test/fakes/manual-clock.js';

import { MemoryFileSystem } from '../../test/support/logging/memory-file-system.js';
import { EventBus } from '../events/event-bus.js';
import type { SupervisorEvent } from '../model/events.js';
import type { ChildHandle } from '../ports/spawner.js';
import { createProcessLogs, type ChannelLogOptions } from './process-logs.js';
import type { DebugOutputCopy } from './sinks.js';

const BEGIN = '<!--XSUPERVISOR:BEGIN-->';
const END = '<!--XSUPERVISOR:END-->';

const channel = (overrides: Partial<ChannelLogOptions> = {}): ChannelLogOptions => ({
  logfile: { kind: 'path', path: '/logs/web.log' },
  maxBytes: 0,
  backups: 0,
  eventsEnabled: false,
  ...overrides,
});

/** A process's logs with capture mode on stdout, a child attached, and what came out. */
const run = async (stdout: ChannelLogOptions, chunks: string[]) => {
  const fs = new MemoryFileSystem();
  fs.mkdir('/logs');
  const bus = new EventBus();
  const events: string[] = [];
  bus.subscribeAll((e: SupervisorEvent) => {
    if (e.type === 'PROCESS_LOG' || e.type === 'PROCESS_COMMUNICATION') {
      events.push(`${e.type}:${e.channel}:${e.pid}:${Buffer.from(e.data).toString()}`);
    }
  });
  const debug: string[] = [];
  const debugCopy: DebugOutputCopy = {
    copyChildOutput: (_name, _channel, data) => debug.push(Buffer.from(data).toString()) > 0,
    onceDrained: (cb) => cb(),
  };
  const logs = await createProcessLogs(
    {
      processName: 'web',
      groupName: 'grp',
      identifier: 'supervisor',
      childLogDir: '/logs',
      stdout,
      stderr: channel({ logfile: { kind: 'none' } }),
      redirectStderr: false,
      stripAnsi: false,
    },
    {
      fs,
      logger: { log: () => undefined, isEnabled: () => true },
      debugCopy,
      events: bus,
      clock: new ManualClock(),
    },
  );
  const child: ChildHandle & { stdout: PassThrough } = {
    pid: 9,
    stdout: new PassThrough(),
    stderr: null,
    stdin: null,
    signal: () => ({ kind: 'sent' }),
    onExit: () => undefined,
  };
  logs.attach(child);
  for (const chunk of chunks) {
    child.stdout.write(chunk);
    await new Promise((resolve) => setImmediate(resolve));
  }
  child.stdout.end();
  await logs.drained();
  return { file: fs.text('/logs/web.log'), events, debug };
};

describe('capture mode through a process log', () => {
  it('captured text becomes PROCESS_COMMUNICATION, stays out of the file, still makes PROCESS_LOG', async () => {
    const out = await run(channel({ captureMaxBytes: 100, eventsEnabled: true }), [
      `pre${BEGIN}cap`,
      `tured${END}post\n`,
    ]);
    expect(out.file).toBe('prepost\n');
    expect(out.debug.join('')).toBe('precapturedpost\n');
    expect(out.events).toEqual([
      'PROCESS_LOG:stdout:9:pre',
      'PROCESS_LOG:stdout:9:cap',
      'PROCESS_LOG:stdout:9:tured',
      'PROCESS_COMMUNICATION:stdout:9:captured',
      'PROCESS_LOG:stdout:9:post\n',
    ]);
  });

  it('emits PROCESS_COMMUNICATION even when PROCESS_LOG events are off', async () => {
    const out = await run(channel({ captureMaxBytes: 100 }), [`${BEGIN}x${END}`]);
    expect(out.events).toEqual(['PROCESS_COMMUNICATION:stdout:9:x']);
  });

  it('without capture_maxbytes the tokens are ordinary output', async () => {
    const out = await run(channel(), [`${BEGIN}x${END}`]);
    expect(out.file).toBe(`${BEGIN}x${END}`);
    expect(out.events).toEqual([]);
  });

  it('a partial token at EOF is written to the log, not lost', async () => {
    const out = await run(channel({ captureMaxBytes: 100 }), ['last line <!--XSUPER']);
    expect(out.file).toBe('last line <!--XSUPER');
  });
});
