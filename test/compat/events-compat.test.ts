// The same listener under the real supervisord 4.2 and under us, with the same config and the
// same actions: the bytes it receives must be equal (pids aside). The two differences we chose
// (docs/events.md) are pinned down too, so a change on either side shows up here.

import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import {
  baseConfig,
  killDaemon,
  PROGRAMS,
  type RunningDaemon,
  spawnedPids,
  startDaemon,
} from '../helpers/daemon-harness.js';
import { isAlive } from '../helpers/processes.js';
import { makeTempDir, type TempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/wait-for.js';
import {
  type Envelope,
  hasEvent,
  LISTENER_PY,
  PYTHON,
  readRecords,
  rpcClient,
  waitForRecords,
} from '../integration/events-records.js';

const SUPERVISORD = '/usr/bin/supervisord';
const node = process.execPath;

/** What both daemons give a test: their directory and a way to stop them. */
interface Subject {
  readonly dir: TempDir;
  readonly mainLog: () => string;
  stop(): Promise<void>;
}

const ours = (config: string): Subject & { daemon: RunningDaemon } => {
  const daemon = startDaemon(config);
  return {
    daemon,
    dir: daemon.dir,
    mainLog: () => daemon.mainLog(),
    stop: async () => {
      await daemon.stop();
    },
  };
};

const reference = (config: string): Subject & { child: ChildProcess } => {
  const dir = makeTempDir('tss-ref-');
  writeFileSync(dir.join('supervisord.conf'), config);
  const child = spawn(SUPERVISORD, ['-n', '-c', dir.join('supervisord.conf')], {
    cwd: dir.path,
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const mainLog = (): string => {
    try {
      return readFileSync(dir.join('supervisord.log'), 'utf8');
    } catch {
      return '';
    }
  };
  return {
    child,
    dir,
    mainLog,
    stop: async () => {
      if (child.pid !== undefined && isAlive(child.pid)) {
        child.kill('SIGTERM');
      }
      await exited;
    },
  };
};

const started: Subject[] = [];
afterEach(async () => {
  for (const subject of started.splice(0)) {
    await subject.stop().catch(() => undefined);
    for (const pid of spawnedPids(subject.mainLog())) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    if ('daemon' in subject) {
      await killDaemon((subject as { daemon: RunningDaemon }).daemon);
    } else {
      subject.dir.remove();
    }
  }
});

/** Run one scenario under both daemons (one after the other) and return what `rec` received. */
const both = async (
  config: string,
  scenario: (subject: Subject) => Promise<void>,
): Promise<{ theirs: Envelope[]; ours: Envelope[] }> => {
  const run = async (subject: Subject): Promise<Envelope[]> => {
    started.push(subject);
    await scenario(subject);
    await subject.stop();
    return readRecords(subject.dir.join('rec.bin'));
  };
  const theirs = await run(reference(config));
  const mine = await run(ours(config));
  return { theirs, ours: mine };
};

const withoutPids = (envelopes: Envelope[]): string[] =>
  envelopes.map((e) => e.text.replace(/pid:\d+/g, 'pid:N'));

const BEGIN = '<!--XSUPERVISOR:BEGIN-->';
const END = '<!--XSUPERVISOR:END-->';

describe('the same listener under supervisord and under us', () => {
  it('receives identical bytes: group events, RUNNING, remote and capture-mode events, non-ASCII len', async () => {
    const talker =
      `${PYTHON} -c "import os,time; ` +
      `os.write(1, 'h\\u00e9llo \\u2713\\npre${BEGIN}capt\\u00e9 \\U0001F600${END}` +
      `and a tail long enough for supervisord to pass on\\n'.encode()); time.sleep(30)"`;
    const config = baseConfig(`
[eventlistener:rec]
command=${LISTENER_PY} %(here)s/rec.bin
events=PROCESS_GROUP,SUPERVISOR_STATE_CHANGE_RUNNING,REMOTE_COMMUNICATION,PROCESS_COMMUNICATION,PROCESS_LOG
buffer_size=50

[program:talker]
command=${talker}
autostart=false
stdout_events_enabled=true
stdout_capture_maxbytes=1KB

[program:other]
command=${node} ${PROGRAMS}/forever.mjs
autostart=false
`);
    const { theirs, ours: mine } = await both(config, async (subject) => {
      const rec = subject.dir.join('rec.bin');
      await waitForRecords(rec, hasEvent('SUPERVISOR_STATE_CHANGE_RUNNING'));
      const rpc = rpcClient(subject.dir.join('supervisor.sock'));
      try {
        await rpc.call('supervisor.sendRemoteCommEvent', ['deploy', 'vérsion 2 ✓ 😀']);
        await waitForRecords(rec, hasEvent('REMOTE_COMMUNICATION'));
        await rpc.call('supervisor.startProcess', ['talker']);
        await waitForRecords(rec, hasEvent('PROCESS_LOG_STDOUT', 'a tail long enough'));
        await rpc.call('supervisor.removeProcessGroup', ['other']);
        await waitForRecords(rec, hasEvent('PROCESS_GROUP_REMOVED'));
        await rpc.call('supervisor.stopProcess', ['talker']);
      } finally {
        rpc.close();
      }
    });
    expect(theirs.length).toBeGreaterThanOrEqual(10);
    expect(withoutPids(mine)).toEqual(withoutPids(theirs));
  }, 60_000);

  it('reports the same PROCESS_STATE sequence for each process', async () => {
    const config = baseConfig(`
[eventlistener:rec]
command=${LISTENER_PY} %(here)s/rec.bin
events=PROCESS_STATE
buffer_size=100

[program:crashy]
command=${node} ${PROGRAMS}/exit-with.mjs 1
startretries=1
; supervisord notices an exit up to 1 s late: a longer startsecs keeps it a failed start
startsecs=5

[program:brief]
command=${node} ${PROGRAMS}/exit-with.mjs 0 2500
autorestart=false

[program:sleeper]
command=${node} ${PROGRAMS}/forever.mjs
`);
    const { theirs, ours: mine } = await both(config, async (subject) => {
      const rec = subject.dir.join('rec.bin');
      await waitForRecords(
        rec,
        (e) =>
          hasEvent('PROCESS_STATE_FATAL', 'processname:crashy')(e) &&
          hasEvent('PROCESS_STATE_EXITED', 'processname:brief')(e) &&
          hasEvent('PROCESS_STATE_RUNNING', 'processname:sleeper')(e),
        30_000,
      );
      const rpc = rpcClient(subject.dir.join('supervisor.sock'));
      try {
        await rpc.call('supervisor.stopProcess', ['sleeper']);
        await waitForRecords(rec, hasEvent('PROCESS_STATE_STOPPED', 'processname:sleeper'));
      } finally {
        rpc.close();
      }
    });
    const of = (envelopes: Envelope[], name: string): string[] =>
      envelopes
        .filter((e) => e.payload.startsWith(`processname:${name} `))
        .map((e) => `${e.name} ${e.payload.replace(/pid:\d+/, 'pid:N')}`);
    for (const name of ['rec', 'crashy', 'brief', 'sleeper']) {
      expect(of(mine, name)).toEqual(of(theirs, name));
    }
    expect(of(theirs, 'crashy')).toEqual([
      'PROCESS_STATE_STARTING processname:crashy groupname:crashy from_state:STOPPED tries:0',
      'PROCESS_STATE_BACKOFF processname:crashy groupname:crashy from_state:STARTING tries:1',
      'PROCESS_STATE_STARTING processname:crashy groupname:crashy from_state:BACKOFF tries:1',
      'PROCESS_STATE_BACKOFF processname:crashy groupname:crashy from_state:STARTING tries:2',
      'PROCESS_STATE_FATAL processname:crashy groupname:crashy from_state:BACKOFF',
    ]);
  }, 60_000);

  it('redelivers a rejected event identically', async () => {
    const config = baseConfig(`
[eventlistener:rec]
command=${LISTENER_PY} %(here)s/rec.bin --fail-first 1
events=PROCESS_GROUP

[program:web]
command=${node} ${PROGRAMS}/forever.mjs
`);
    const { theirs, ours: mine } = await both(config, async (subject) => {
      await waitForRecords(subject.dir.join('rec.bin'), (e) => e.length >= 3);
    });
    expect(mine.map((e) => e.text)).toEqual(theirs.map((e) => e.text));
    expect(mine[1]?.text).toBe(mine[0]?.text);
  }, 60_000);
});

describe('differences we chose, pinned down', () => {
  it("a rejection re-queues into the rejecting listener's pool only (supervisord: every pool with an equal-priority process)", async () => {
    const config = baseConfig(`
[eventlistener:rec]
command=${LISTENER_PY} %(here)s/rec.bin
events=PROCESS_GROUP

[eventlistener:failing]
command=${LISTENER_PY} %(here)s/failing.bin --fail-first 1
events=PROCESS_GROUP
`);
    const scenario = async (subject: Subject): Promise<void> => {
      await waitForRecords(subject.dir.join('failing.bin'), (e) => e.length >= 2);
      await waitForRecords(subject.dir.join('rec.bin'), (e) => e.length >= 1);
      // let a duplicate, if any, arrive
      await new Promise((resolve) => setTimeout(resolve, 2_500));
    };
    const { theirs, ours: mine } = await both(config, scenario);
    // 'failing' rejected its first event (groupname:failing); supervisord also pushes it into
    // 'rec', whose listener has the same process priority (999), so rec receives it unasked.
    expect(theirs.map((e) => e.payload)).toContain('groupname:failing\n');
    expect(mine.map((e) => e.payload)).toEqual(['groupname:rec\n']);
  }, 60_000);

  it('a short last line in capture mode reaches the events (supervisord holds it back)', async () => {
    const config = baseConfig(`
[eventlistener:rec]
command=${LISTENER_PY} %(here)s/rec.bin
events=PROCESS_LOG

[program:talker]
command=${PYTHON} -c "import os,time; os.write(1, b'post\\n'); time.sleep(30)"
autostart=false
stdout_events_enabled=true
stdout_capture_maxbytes=1KB
`);
    const { theirs, ours: mine } = await both(config, async (subject) => {
      const rpc = rpcClient(subject.dir.join('supervisor.sock'));
      try {
        await waitFor(() => /success: rec entered RUNNING/.test(subject.mainLog()), {
          timeoutMs: 10_000,
        });
        await rpc.call('supervisor.startProcess', ['talker']);
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      } finally {
        rpc.close();
      }
    });
    expect(theirs).toEqual([]);
    expect(mine.map((e) => e.payload.split('\n')[1])).toEqual(['post']);
  }, 60_000);
});
