import { describe, expect, it } from 'vitest';

import { fakeCtl, runCtl } from '../../../test/fakes/fake-ctl-deps.js';
import {
  ok,
  refused,
  socketMissing,
  type FakeAnswer,
  type FakeReply,
} from '../../../test/fakes/fake-rpc-client.js';
import { baseAnswers, processInfo, statusStruct } from '../../../test/fakes/supervisor-answers.js';
import { createProgram } from '../program.js';

const A = 'unix:///run/a.sock';
const B = 'unix:///run/b.sock';
const C = 'unix:///run/c.sock';
const FLEET = ['-s', `a=${A}`, '-s', `b=${B}`, '-s', `c=${C}`];

type Answers = Record<string, FakeAnswer>;

/** a: cat running, web:web_0 running; b: cat stopped; c: dog running. */
const hostA = (more: Answers = {}): Answers =>
  baseAnswers({
    getAllProcessInfo: ok([
      processInfo('cat', 'RUNNING', { pid: 11 }),
      processInfo('web_0', 'RUNNING', { group: 'web', pid: 12 }),
    ]),
    ...more,
  });
const hostB = (more: Answers = {}): Answers =>
  baseAnswers({ getAllProcessInfo: ok([processInfo('cat', 'STOPPED')]), ...more });
const hostC = (more: Answers = {}): Answers =>
  baseAnswers({ getAllProcessInfo: ok([processInfo('dog', 'RUNNING', { pid: 31 })]), ...more });

const fleet = (argv: readonly string[], a = hostA(), b = hostB(), c = hostC()) =>
  runCtl([...FLEET, ...argv], { servers: { [A]: a, [B]: b, [C]: c } });

const row = (host: string, name: string, state: string, description: string) =>
  `${host.padEnd(3)}${name.padEnd(33)}${state.padEnd(10)}${description}\n`;

describe('status across a fleet', () => {
  it('lists every host with a host column; exit 3 as a shown process is stopped', async () => {
    const run = await fleet(['status']);
    expect(run.stdout).toBe(
      row('a', 'cat', 'RUNNING', 'pid 11, uptime 0:01:02') +
        row('a', 'web:web_0', 'RUNNING', 'pid 12, uptime 0:01:02') +
        row('b', 'cat', 'STOPPED', 'Not started') +
        row('c', 'dog', 'RUNNING', 'pid 31, uptime 0:01:02'),
    );
    expect(run.exit).toBe(3);
  });

  it('shows a host that is down as DOWN, says why, exits 4; the others are listed', async () => {
    const run = await fleet(['status', 'cat', 'dog'], hostA(), hostB({ getVersion: refused(B) }));
    expect(run.stdout).toBe(
      row('a', 'cat', 'RUNNING', 'pid 11, uptime 0:01:02') +
        row('b', '*', 'DOWN', `${B} refused connection`) +
        row('c', 'dog', 'RUNNING', 'pid 31, uptime 0:01:02'),
    );
    expect(run.exit).toBe(4);
  });

  it('asks only the hosts a name is on', async () => {
    const run = await fleet(['status', 'c:*']);
    expect(run.stdout).toBe(row('c', 'dog', 'RUNNING', 'pid 31, uptime 0:01:02'));
    expect(run.exit).toBe(0);
    expect(run.fake.servers.get(A)?.methods()).toEqual([]);
    expect(run.fake.servers.get(B)?.methods()).toEqual([]);
  });

  it('reports a name no host has once, and a name a host lacks with its host', async () => {
    const run = await fleet(['status', 'nope', 'a:dog', 'c:g:*', 'dog']);
    expect(run.stdout).toBe(
      'nope: ERROR (no such process)\n' +
        'a:dog: ERROR (no such process)\n' +
        'c:g: ERROR (no such group)\n' +
        row('c', 'dog', 'RUNNING', 'pid 31, uptime 0:01:02'),
    );
    expect(run.exit).toBe(4);
  });

  it('prints one JSON document: each host and its state, then processes with their host', async () => {
    const run = await fleet(
      ['status', '--json', 'cat'],
      hostA(),
      hostB({ getVersion: socketMissing(B) }),
    );
    expect(JSON.parse(run.stdout)).toMatchObject({
      hosts: [
        { host: 'a', serverurl: A, state: 'up', message: null },
        { host: 'b', serverurl: B, state: 'down', message: `${B} no such file` },
        { host: 'c', serverurl: C, state: 'up', message: null },
      ],
      processes: [{ host: 'a', namespec: 'cat', state: 'RUNNING', pid: 11 }],
    });
    expect(run.exit).toBe(4);
  });

  it('asks the hosts at once: a host that is slow to answer holds up none of the others', async () => {
    let release: (reply: FakeReply) => void = () => undefined;
    const later = new Promise<FakeReply>((resolve) => (release = resolve));
    const fake = fakeCtl({
      servers: { [A]: hostA({ getVersion: { later } }), [B]: hostB(), [C]: hostC() },
    });
    const running = createProgram(fake.deps).run([...FLEET, 'status']);
    const asked = (url: string) => fake.servers.get(url)?.methods() ?? [];
    for (let turn = 0; turn < 100 && asked(C).length < 2; turn++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect([asked(A), asked(B), asked(C)]).toEqual([
      ['getVersion'],
      ['getVersion', 'getAllProcessInfo'],
      ['getVersion', 'getAllProcessInfo'],
    ]);
    // Nothing printed yet: the table is in fleet order, and a comes first.
    expect(fake.stdout()).toBe('');
    release(ok('3.0'));
    expect(await running).toBe(3);
    expect(fake.stdout()).toMatch(/^a {2}cat/);
  });
});

describe('start, stop and restart across a fleet', () => {
  it('sends a plain name only to the hosts that have it, and names the host in each line', async () => {
    const started = { startProcess: ok(true) };
    const run = await fleet(['start', 'cat'], hostA(started), hostB(started), hostC(started));
    expect(run.stdout).toBe('a:cat: started\nb:cat: started\n');
    expect(run.exit).toBe(0);
    expect(run.fake.servers.get(C)?.methods()).toEqual(['getVersion', 'getAllProcessInfo']);
    expect(run.fake.servers.get(A)?.calls.at(-1)).toEqual({
      method: 'supervisor.startProcess',
      params: ['cat'],
    });
  });

  it('sends host:name to that host alone, without looking the name up', async () => {
    const run = await fleet(['stop', 'b:cat'], hostA(), hostB({ stopProcess: ok(true) }));
    expect(run.stdout).toBe('b:cat: stopped\n');
    expect(run.fake.servers.get(A)?.methods()).toEqual([]);
    expect(run.fake.servers.get(B)?.methods()).toEqual(['getVersion', 'stopProcess']);
  });

  it('reports a host that is down with its exit status; the others carry on', async () => {
    const stopped = (group: string, name: string) => ({
      stopAllProcesses: ok([statusStruct(group, name, 'SUCCESS')]),
    });
    const run = await fleet(
      ['stop', 'all'],
      hostA(stopped('cat', 'cat')),
      hostB({ getVersion: socketMissing(B) }),
      hostC(stopped('dog', 'dog')),
    );
    expect(run.stdout).toBe(`a:cat: stopped\nb: ERROR (down: ${B} no such file)\nc:dog: stopped\n`);
    expect(run.exit).toBe(7);
  });

  it('reports a host that fails mid-way as down, after what it did', async () => {
    const run = await fleet(
      ['start', 'a:cat', 'a:web:*'],
      hostA({
        startProcess: ok(true),
        startProcessGroup: { failure: { kind: 'transport-failed', message: 'socket hang up' } },
      }),
    );
    expect(run.stdout).toBe(`a:cat: started\na: ERROR (down: ${A}: socket hang up)\n`);
    expect(run.exit).toBe(1);
  });

  it('restarts host by host: stop, then start, each host at its own pace', async () => {
    const group = () => ok([statusStruct('web', 'web_0', 'SUCCESS')]);
    const run = await fleet(
      ['restart', 'a:web:*', 'dog'],
      hostA({ stopProcessGroup: group(), startProcessGroup: group() }),
      hostB(),
      hostC({ stopProcess: ok(true), startProcess: ok(true) }),
    );
    expect(run.stdout).toBe(
      'a:web:web_0: stopped\na:web:web_0: started\nc:dog: stopped\nc:dog: started\n',
    );
    expect(run.fake.servers.get(A)?.methods()).toEqual([
      'getVersion',
      'getAllProcessInfo',
      'stopProcessGroup',
      'startProcessGroup',
    ]);
    expect(run.exit).toBe(0);
  });

  it('reports a name no host has once, as one server would', async () => {
    const run = await fleet(['start', 'nope', 'nogroup:*']);
    expect(run.stdout).toBe('nope: ERROR (no such process)\nnogroup: ERROR (no such group)\n');
    expect(run.exit).toBe(2);
  });

  it('prints one JSON document with the hosts and each result with its host', async () => {
    const run = await fleet(
      ['--json', 'start', 'cat'],
      hostA({ startProcess: ok(true) }),
      hostB({ getVersion: refused(B) }),
    );
    expect(JSON.parse(run.stdout)).toEqual({
      hosts: [
        { host: 'a', serverurl: A, state: 'up', message: null },
        { host: 'b', serverurl: B, state: 'down', message: `${B} refused connection` },
        { host: 'c', serverurl: C, state: 'up', message: null },
      ],
      results: [
        {
          host: 'a',
          action: 'start',
          namespec: 'cat',
          name: 'cat',
          group: 'cat',
          ok: true,
          message: 'started',
          faultCode: 80,
          description: 'OK',
        },
      ],
    });
    expect(run.stderr).toBe(`b: ERROR (down: ${B} refused connection)\n`);
    expect(run.exit).toBe(4);
  });

  it('needs a name, as with one server', async () => {
    const run = await fleet(['restart']);
    expect(run.stdout).toMatch(/^Error: restart requires a process name\n/);
    expect(run.exit).toBe(1);
  });
});

describe('restart --rolling across a fleet', () => {
  const rolled = (name: string, group: string, status = 80, description = 'OK') =>
    ok([{ name, group, status, description }]);
  /** c also runs web:web_0. */
  const hostCWithWeb = (more: Answers = {}): Answers =>
    hostC({
      getAllProcessInfo: ok([
        processInfo('dog', 'RUNNING', { pid: 31 }),
        processInfo('web_0', 'RUNNING', { group: 'web', pid: 32 }),
      ]),
      ...more,
    });
  const rolls = (run: Awaited<ReturnType<typeof fleet>>, url: string) =>
    run.fake.servers
      .get(url)
      ?.calls.filter((c) => c.method === 'tssupervisor.rollingRestart')
      .map((c) => c.params[0]);

  it('rolls one host’s group at a time, in fleet order, where the group is', async () => {
    const log: string[] = [];
    const run = await fleet(
      ['restart', '--rolling', 'web'],
      hostA({
        'tssupervisor.rollingRestart': () => {
          log.push('a asked');
          return {
            later: Promise.resolve().then(() => {
              log.push('a answered');
              return rolled('web_0', 'web');
            }),
          };
        },
      }),
      hostB(),
      hostCWithWeb({
        'tssupervisor.rollingRestart': () => {
          log.push('c asked');
          return rolled('web_0', 'web');
        },
      }),
    );
    expect(run.stdout).toBe('a:web:web_0: restarted\nc:web:web_0: restarted\n');
    expect(run.exit).toBe(0);
    expect(log).toEqual(['a asked', 'a answered', 'c asked']);
    expect(rolls(run, B)).toEqual([]);
  });

  it('stops at the host whose group did not come back; the hosts after it are untouched', async () => {
    const run = await fleet(
      ['restart', '--rolling', 'web'],
      hostA({
        'tssupervisor.rollingRestart': rolled('web_0', 'web', 50, 'SPAWN_ERROR: web:web_0'),
      }),
      hostB(),
      hostCWithWeb({ 'tssupervisor.rollingRestart': rolled('web_0', 'web') }),
    );
    expect(run.stdout).toBe('a:web:web_0: ERROR (spawn error)\n');
    expect(run.exit).toBe(7);
    expect(rolls(run, C)).toEqual([]);
  });

  it('stops at a host that is down, saying so', async () => {
    const run = await fleet(
      ['restart', '--rolling', 'a:web', 'b:cat', 'c:dog'],
      hostA({ 'tssupervisor.rollingRestart': rolled('web_0', 'web') }),
      hostB({ getVersion: refused(B) }),
      hostC({ 'tssupervisor.rollingRestart': rolled('dog', 'dog') }),
    );
    expect(run.stdout).toBe(`a:web:web_0: restarted\nb: ERROR (down: ${B} refused connection)\n`);
    expect(run.exit).not.toBe(0);
    expect(rolls(run, C)).toEqual([]);
  });

  it('--json: the hosts it reached, and a result per process named by its host', async () => {
    const run = await fleet(
      ['restart', '--rolling', '--json', 'web'],
      hostA({ 'tssupervisor.rollingRestart': rolled('web_0', 'web') }),
      hostB(),
      hostCWithWeb({ 'tssupervisor.rollingRestart': rolled('web_0', 'web') }),
    );
    const doc = JSON.parse(run.stdout) as {
      hosts: { host: string; state: string }[];
      results: { host: string; namespec: string; ok: boolean }[];
    };
    expect(doc.hosts.map((h) => [h.host, h.state])).toEqual([
      ['a', 'up'],
      ['b', 'up'],
      ['c', 'up'],
    ]);
    expect(doc.results.map((r) => [r.host, r.namespec, r.ok])).toEqual([
      ['a', 'web:web_0', true],
      ['c', 'web:web_0', true],
    ]);
  });

  it('refuses a single process before touching any host; a group no host has, once', async () => {
    const single = await fleet(['restart', '--rolling', 'a:web', 'c:web:web_0']);
    expect(single.stdout).toBe(
      'Error: --rolling restarts whole groups (web or web:*), not c:web:web_0\n',
    );
    expect(single.exit).toBe(2);
    expect(rolls(single, A)).toEqual([]);

    const nowhere = await fleet(['restart', '--rolling', 'nope']);
    expect(nowhere.stdout).toBe('nope: ERROR (no such group)\n');
    expect(nowhere.exit).toBe(1);
  });
});

describe('the other verbs in a fleet', () => {
  it('refuses a verb that works on one server, naming the hosts', async () => {
    const run = await fleet(['tail', 'a:cat']);
    expect(run.stdout).toBe(
      'Error: tail works on one server, and this is a fleet (a, b, c): pick one with --host NAME\n',
    );
    expect(run.exit).toBe(2);
    expect(run.fake.servers.get(A)?.methods()).toEqual([]);
  });

  it('talks to the one host --host picks, exactly as to one server', async () => {
    const run = await runCtl([...FLEET, '--host', 'c', 'status'], {
      servers: { [A]: hostA(), [B]: hostB(), [C]: hostC() },
    });
    expect(run.stdout).toBe(`${'dog'.padEnd(33)}${'RUNNING'.padEnd(10)}pid 31, uptime 0:01:02\n`);
    expect(run.fake.servers.get(A)?.methods()).toEqual([]);
  });
});

describe('actions run on each host at its own pace', () => {
  it('sends c its start while a has not finished its own', async () => {
    let release: (reply: FakeReply) => void = () => undefined;
    const later = new Promise<FakeReply>((resolve) => (release = resolve));
    const fake = fakeCtl({
      servers: {
        [A]: hostA({ startProcess: { later } }),
        [B]: hostB(),
        [C]: hostC({ startProcess: ok(true) }),
      },
    });
    const running = createProgram(fake.deps).run([...FLEET, 'start', 'a:cat', 'c:dog']);
    const asked = (url: string) => fake.servers.get(url)?.methods() ?? [];
    for (let turn = 0; turn < 100 && !asked(C).includes('startProcess'); turn++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(asked(C)).toEqual(['getVersion', 'startProcess']);
    expect(asked(A)).toEqual(['getVersion', 'startProcess']);
    release(ok(true));
    expect(await running).toBe(0);
    expect(fake.stdout()).toBe('a:cat: started\nc:dog: started\n');
  });
});

describe('the shell in a fleet', () => {
  it("starts with the fleet's status, runs fleet commands, completes host:names", async () => {
    const run = await runCtl([...FLEET], {
      servers: { [A]: hostA(), [B]: hostB({ getVersion: refused(B) }), [C]: hostC() },
      lines: ['status c:*', 'pid'],
    });
    expect(run.stdout).toBe(
      row('a', 'cat', 'RUNNING', 'pid 11, uptime 0:01:02') +
        row('a', 'web:web_0', 'RUNNING', 'pid 12, uptime 0:01:02') +
        row('b', '*', 'DOWN', `${B} refused connection`) +
        row('c', 'dog', 'RUNNING', 'pid 31, uptime 0:01:02') +
        `supervisor> ${row('c', 'dog', 'RUNNING', 'pid 31, uptime 0:01:02')}` +
        'supervisor> Error: pid works on one server, and this is a fleet (a, b, c): pick one with --host NAME\n' +
        'supervisor> \n',
    );
    expect(run.exit).toBe(0);
    const completer = run.fake.terminals[0]?.completer;
    expect(await completer?.('start c:')).toEqual({ matches: ['c:* ', 'c:dog '], word: 'c:' });
    // Only the fleet's servers were ever asked (nothing went to a default server).
    expect(run.fake.rpc.calls).toEqual([]);
  });
});
