import { describe, expect, it } from 'vitest';

import { fakeRpcClient, fault, ok, type FakeAnswer } from '../../../test/fakes/fake-rpc-client.js';
import { processInfo } from '../../../test/fakes/supervisor-answers.js';
import { supervisorApi } from '../../protocol/supervisor-api.js';
import { performAction } from './perform-action.js';
import type { StatusAction } from './status-request.js';

const NOW = new Date(2026, 11, 5, 8, 1, 33).getTime();

const run = async (action: StatusAction, answers: Record<string, FakeAnswer> = {}) => {
  const rpc = fakeRpcClient({
    getProcessInfo: ([name]) =>
      name === 'web:web_0' || name === 'cron'
        ? ok(processInfo('x', 'RUNNING'))
        : fault('BAD_NAME', typeof name === 'string' ? name : '?'),
    startProcess: ok(true),
    stopProcess: ok(true),
    clearProcessLogs: ok(true),
    stopAllProcesses: ok([]),
    startAllProcesses: ok([]),
    ...answers,
  });
  const message = await performAction(supervisorApi(rpc.client), action, () => NOW);
  return { message, calls: rpc.methods() };
};

const on = (
  action: 'start' | 'stop' | 'restart' | 'clearlog',
  namespec = 'web:web_0',
): StatusAction => ({
  kind: 'process',
  action,
  namespec,
});

describe('performAction', () => {
  it('refresh does nothing but say when', async () => {
    expect(await run({ kind: 'refresh' })).toEqual({
      message: 'Page refreshed at Sat Dec  5 08:01:33 2026',
      calls: [],
    });
  });

  it('stopall and restartall call the bulk methods', async () => {
    expect(await run({ kind: 'stopall' })).toEqual({
      message: 'All stopped at Sat Dec  5 08:01:33 2026',
      calls: ['stopAllProcesses'],
    });
    expect(await run({ kind: 'restartall' })).toEqual({
      message: 'All restarted at Sat Dec  5 08:01:33 2026',
      calls: ['stopAllProcesses', 'startAllProcesses'],
    });
  });

  it('restartall reports success whatever the calls say, as supervisord multicall does', async () => {
    const outcome = await run(
      { kind: 'restartall' },
      { stopAllProcesses: fault('SHUTDOWN_STATE') },
    );
    expect(outcome.message).toBe('All restarted at Sat Dec  5 08:01:33 2026');
  });

  it('stopall words a fault', async () => {
    const outcome = await run({ kind: 'stopall' }, { stopAllProcesses: fault('SHUTDOWN_STATE') });
    expect(outcome.message).toBe('unexpected rpc fault [6] SHUTDOWN_STATE');
  });

  it.each([
    ['start', 'Process web:web_0 started', ['getProcessInfo', 'startProcess']],
    ['stop', 'Process web:web_0 stopped', ['getProcessInfo', 'stopProcess']],
    ['restart', 'Process web:web_0 restarted', ['getProcessInfo', 'stopProcess', 'startProcess']],
    ['clearlog', 'Log for web:web_0 cleared', ['getProcessInfo', 'clearProcessLogs']],
  ] as const)('%s one process', async (action, message, calls) => {
    expect(await run(on(action))).toEqual({ message, calls });
  });

  it.each(['nope', 'web', 'web:', 'web:*'])(
    '%s is no such process, and nothing is called',
    async (namespec) => {
      const outcome = await run(on('stop', namespec));
      expect(outcome.message).toBe(`No such process named ${namespec}`);
      expect(outcome.calls).not.toContain('stopProcess');
    },
  );

  it.each([
    ['NO_FILE', 'no such file'],
    ['NOT_EXECUTABLE', 'file not executable'],
    ['ALREADY_STARTED', 'already started'],
    ['SPAWN_ERROR', 'spawn error'],
    ['ABNORMAL_TERMINATION', 'abnormal termination'],
  ] as const)('a start answered %s says "%s"', async (name, words) => {
    const outcome = await run(on('start', 'cron'), { startProcess: fault(name, 'cron') });
    expect(outcome.message).toBe(`ERROR: Process cron: ${words}`);
  });

  it('a stop or clear fault is an unexpected rpc fault, without ERROR', async () => {
    expect(
      (await run(on('stop', 'cron'), { stopProcess: fault('NOT_RUNNING', 'cron') })).message,
    ).toBe('unexpected rpc fault [70] NOT_RUNNING: cron');
    expect(
      (await run(on('clearlog', 'cron'), { clearProcessLogs: fault('FAILED', 'cron') })).message,
    ).toBe('unexpected rpc fault [30] FAILED: cron');
  });

  it('restart goes on to start when the stop fails, and says restarted', async () => {
    const outcome = await run(on('restart', 'cron'), {
      stopProcess: fault('NOT_RUNNING', 'cron'),
      startProcess: fault('SPAWN_ERROR', 'cron'),
    });
    expect(outcome).toEqual({
      message: 'Process cron restarted',
      calls: ['getProcessInfo', 'stopProcess', 'startProcess'],
    });
  });

  it('lets a failure that is not a fault through (it becomes a 500)', async () => {
    await expect(
      run(on('stop'), { stopProcess: { failure: { kind: 'transport-failed', message: 'boom' } } }),
    ).rejects.toThrow('boom');
  });
});
