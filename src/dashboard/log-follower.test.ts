import { afterEach, describe, expect, it } from 'vitest';

import { fakeRpcClient, fault, ok, type FakeAnswer } from '../../test/fakes/fake-rpc-client.js';
import { ManualClock } from '../../test/fakes/manual-clock.js';
import type { LogStreamEnd } from '../ports/log-stream.js';
import { dashboardApi } from './daemon-api.js';
import type { HostClient } from './host-client.js';
import type { DashboardInput } from './inputs.js';
import { createLogFollower, type LogFollower } from './log-follower.js';
import { feed, key, sampleState } from './testing/sample-state.js';

const flush = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) {
    await Promise.resolve();
  }
};

interface OpenStream {
  readonly path: string;
  readonly signal: AbortSignal;
  push(text: string): void;
  end(end: LogStreamEnd): void;
}

let follower: LogFollower | undefined;
afterEach(() => follower?.close());

const setup = (answers: Record<string, FakeAnswer>) => {
  const rpc = fakeRpcClient(answers);
  const clock = new ManualClock();
  const inputs: DashboardInput[] = [];
  const streams: OpenStream[] = [];
  const host: HostClient = {
    name: '',
    api: dashboardApi({ quick: rpc.client, waiting: rpc.client, longPoll: rpc.client }),
    serverUrl: 'unix:///s.sock',
    openLog: (path, signal, onData) =>
      new Promise((resolve) => {
        streams.push({
          path,
          signal,
          push: (text) => onData(new TextEncoder().encode(text)),
          end: resolve,
        });
        signal.addEventListener('abort', () => resolve({ kind: 'aborted' }));
      }),
  };
  follower = createLogFollower({
    host: () => host,
    clock,
    dispatch: (input) => inputs.push(input),
  });
  const texts = () =>
    inputs.flatMap((i) => (i.type === 'log-text' ? [`${i.replace ? '=' : '+'}${i.text}`] : []));
  const statuses = () => inputs.flatMap((i) => (i.type === 'log-status' ? [i.status] : []));
  return { rpc, clock, inputs, streams, texts, statuses, follower };
};

const onWeb = feed(sampleState(), key('end'));

describe('following a log', () => {
  it('reads the tail back, then streams what comes, without repeating the tail', async () => {
    const t = setup({ readProcessStdoutLog: ok('one\ntwo\n') });
    t.follower.sync(onWeb);
    await flush();
    expect(t.streams).toHaveLength(0);
    t.clock.advance(150);
    await flush();
    expect(t.rpc.calls[0]).toEqual({
      method: 'supervisor.readProcessStdoutLog',
      params: ['web', -32768, 0],
    });
    expect(t.streams.map((s) => s.path)).toEqual(['/logtail/web/stdout']);
    t.streams[0]!.push('one\ntwo\nthree\n');
    t.streams[0]!.push('four\n');
    expect(t.texts()).toEqual(['=one\ntwo\n', '+three\n', '+four\n']);
  });

  it('follows the selection: the old stream stops, quick moves open nothing in between', async () => {
    const t = setup({
      readProcessStdoutLog: ok(''),
      readProcessStderrLog: ok(''),
      readLog: ok(''),
    });
    t.follower.sync(onWeb);
    t.clock.advance(150);
    await flush();
    const first = t.streams[0]!;
    const moved = feed(onWeb, key('k'));
    t.follower.sync(moved);
    t.clock.advance(100);
    t.follower.sync(feed(moved, key('k')));
    t.clock.advance(100);
    t.follower.sync(feed(moved, key('k'), key('m')));
    t.clock.advance(150);
    await flush();
    expect(first.signal.aborted).toBe(true);
    expect(t.streams.map((s) => s.path)).toEqual(['/logtail/web/stdout', '/mainlogtail']);
  });

  it('no log configured: says so and stops; not written yet: says so and tries again', async () => {
    const none = setup({ readProcessStdoutLog: fault('NO_FILE') });
    none.follower.sync(onWeb);
    none.clock.advance(150);
    await flush();
    expect(none.statuses()).toEqual([{ kind: 'unavailable', reason: 'no log file configured' }]);
    none.clock.advance(10_000);
    await flush();
    expect(none.rpc.calls).toHaveLength(1);

    const later = setup({
      readProcessStdoutLog: [fault('NO_FILE', '/var/log/web.log'), ok('started\n')],
    });
    later.follower.sync(onWeb);
    later.clock.advance(150);
    await flush();
    expect(later.statuses()).toEqual([{ kind: 'unavailable', reason: 'no log file yet' }]);
    later.clock.advance(2000);
    await flush();
    expect(later.texts()).toEqual(['=started\n']);
    expect(later.streams).toHaveLength(1);
  });

  it('a stream that ends (the daemon went away) is reported and opened again', async () => {
    const t = setup({ readProcessStdoutLog: ok('') });
    t.follower.sync(onWeb);
    t.clock.advance(150);
    await flush();
    t.streams[0]!.end({ kind: 'failed', message: 'socket hang up' });
    await flush();
    expect(t.statuses()).toEqual([
      { kind: 'unavailable', reason: 'the stream broke (socket hang up)' },
    ]);
    t.clock.advance(2000);
    await flush();
    expect(t.streams).toHaveLength(2);
  });

  it('both: the tails merged and tagged, then whole lines of each stream as they come', async () => {
    const t = setup({
      readProcessStdoutLog: ok('2024-05-01 12:00:01 up\n2024-05-01 12:00:03 serving\n'),
      readProcessStderrLog: ok('2024-05-01 12:00:02 warning: slow disk\n'),
    });
    t.follower.sync(feed(onWeb, key('e'), key('e')));
    t.clock.advance(150);
    await flush();
    expect(t.streams.map((s) => s.path).sort()).toEqual([
      '/logtail/web/stderr',
      '/logtail/web/stdout',
    ]);
    const [out, err] = ['stdout', 'stderr'].map((c) => t.streams.find((s) => s.path.endsWith(c))!);
    err!.push('2024-05-01 12:00:02 warning: slow disk\nhalf a ');
    out!.push('request\n');
    err!.push('line\n');
    expect(t.texts()).toEqual([
      '=out│ 2024-05-01 12:00:01 up\nerr│ 2024-05-01 12:00:02 warning: slow disk\nout│ 2024-05-01 12:00:03 serving\n',
      '+out│ request\n',
      '+err│ half a line\n',
    ]);
    // One stream ending ends both; both are opened again.
    out!.end({ kind: 'failed', message: 'socket hang up' });
    await flush();
    expect(err!.signal.aborted).toBe(true);
    t.clock.advance(2000);
    await flush();
    expect(t.streams).toHaveLength(4);
  });

  it('both, with stderr redirected (no file): stdout alone, tagged', async () => {
    const t = setup({
      readProcessStdoutLog: ok('one\n'),
      readProcessStderrLog: fault('NO_FILE'),
    });
    t.follower.sync(feed(onWeb, key('e'), key('e')));
    t.clock.advance(150);
    await flush();
    expect(t.streams.map((s) => s.path)).toEqual(['/logtail/web/stdout']);
    expect(t.texts()).toEqual(['=out│ one\n']);
  });
});
