// The real supervisorctl 4.2.5 and tssupervisorctl against the same working server: every
// command with good and bad names, usage and option errors, and the shell on a pipe. Output
// and exit codes must be identical, but for the differences documented in docs/ctl.md.

import { afterAll, beforeAll, describe, it } from 'vitest';

import { expectSame, type Case } from '../fakes/ctl-compare.js';
import { writeCtlConfig } from '../fakes/ctl-runner.js';
import { fakeLogTail } from '../fakes/fake-log-tail.js';
import { STUB_LOGS, STUB_MAIN_LOG, supervisorStub } from '../fakes/supervisor-stub.js';
import { startRpcServer, type RpcTestServer } from '../integration/rpc-harness.js';

const COMMANDS: readonly Case[] = [
  { args: ['status'] },
  { args: ['status', 'sleeper'] },
  { args: ['status', 'grp:*'] },
  { args: ['status', 'multi:'] },
  { args: ['status', 'nope', 'grp:*', 'multi', 'bad:'] },
  { args: ['status', 'all', 'nope'] },
  { args: ['status', 'sleeper', 'echoer'] },
  { args: ['status:x'] },
  { args: ['start'], allow: 'help' },
  { args: ['start', 'sleeper'] },
  { args: ['start', 'grp:nocmd'] },
  { args: ['start', 'grp:quick'] },
  { args: ['start', 'nope'] },
  { args: ['start', 'grp:*'] },
  { args: ['start', 'nope:*'] },
  { args: ['start', 'all'] },
  { args: ['start', 'sleeper', 'grp:nocmd', 'grp:quick', 'nope', 'multi:*', 'bad:*'] },
  { args: ['stop'], allow: 'help' },
  { args: ['stop', 'sleeper'] },
  { args: ['stop', 'grp:quick'] },
  { args: ['stop', 'nope'] },
  { args: ['stop', 'grp:*', 'multi:*', 'nope:*'] },
  { args: ['stop', 'all'] },
  { args: ['restart'], allow: 'help' },
  { args: ['restart', 'sleeper', 'grp:quick'] },
  { args: ['restart', 'all'] },
  { args: ['signal'], allow: 'help' },
  { args: ['signal', 'HUP'], allow: 'help' },
  { args: ['signal', 'HUP', 'sleeper'] },
  { args: ['signal', 'FOO', 'sleeper'] },
  { args: ['signal', 'HUP', 'grp:quick'] },
  { args: ['signal', 'USR1', 'multi:*', 'nope:*', 'nope'] },
  { args: ['signal', 'TERM', 'all'] },
  { args: ['tail'], allow: 'help' },
  { args: ['tail', 'sleeper'] },
  { args: ['tail', '-5', 'sleeper'] },
  { args: ['tail', '-0', 'sleeper'] },
  { args: ['tail', 'sleeper', 'stderr'] },
  { args: ['tail', 'sleeper', 'STDOUT'] },
  { args: ['tail', 'nope'] },
  { args: ['tail', '-f'] },
  { args: ['tail', 'sleeper', 'x'] },
  { args: ['tail', 'sleeper', "it's"] },
  { args: ['tail', '-x', 'sleeper'] },
  { args: ['tail', 'a', 'b', 'c', 'd'], allow: 'help' },
  { args: ['tail', '-f', 'nope'] },
  { args: ['maintail'] },
  { args: ['maintail', '-20'] },
  { args: ['maintail', 'x'] },
  { args: ['maintail', '-f', 'x'], allow: 'help' },
  { args: ['pid'] },
  { args: ['pid', 'all'] },
  { args: ['pid', 'sleeper', 'grp:quick'] },
  { args: ['pid', 'nope', 'sleeper'] },
  { args: ['clear'], allow: 'help' },
  { args: ['clear', 'sleeper', 'nope'] },
  { args: ['clear', 'sleeper', 'grp:*'], allow: 'group-clear' },
  { args: ['clear', 'all'] },
  { args: ['avail'] },
  { args: ['avail', 'x'], allow: 'help' },
  { args: ['reread'] },
  { args: ['reread', 'x'], allow: 'help' },
  { args: ['update'] },
  { args: ['update', 'all'] },
  { args: ['update', 'newprog'] },
  { args: ['update', 'nope', 'multi'] },
  { args: ['add', 'newprog', 'sleeper', 'nope'] },
  { args: ['add'] },
  { args: ['remove', 'gone', 'sleeper', 'nope'] },
  { args: ['reload'] },
  { args: ['reload', 'x'], allow: 'help' },
  { args: ['shutdown'] },
  { args: ['shutdown', 'x'], allow: 'help' },
  { args: ['version'] },
  { args: ['version', 'x'], allow: 'help' },
  { args: ['open', 'foo'] },
  { args: ['open', 'unix:///nonexistent/ctl.sock'] },
  { args: ['help'] },
  { args: ['?'] },
  { args: ['help', 'foo'] },
  { args: ['help', 'EOF'] },
  { args: ['foo', 'bar'] },
  { args: ['!ls'] },
  { args: ['--', '-x-'] },
  { args: ['exit'] },
  { args: ['quit'] },
  { args: [''] },
  { args: ['fg'], allow: 'help' },
  { args: ['fg', 'a', 'b'] },
  { args: ['fg', 'nope'] },
  { args: ['fg', 'grp:quick'] },
  { args: ['start sleeper', 'nope'] },
];

const COMMAND_LINE: readonly Case[] = [
  { args: ['-x'] },
  { args: ['--badopt=3', 'status'] },
  { args: ['-s'] },
  { args: ['--serverurl'] },
  { args: ['-s', 'foo', 'status'] },
  { args: ['--s=foo', 'status'] },
  { args: ['-s', 'http://', 'status'] },
  { args: ['-i', '-i', 'version'] },
  { args: ['-u', 'a', '--username=b', 'version'] },
  { args: ['--interactive=1'] },
  { args: ['--history-file=x'] },
  { args: ['-h', '-x'] },
  { args: ['-i', 'version'] },
];

const SHELL: readonly Case[] = [
  { args: [], input: 'status nope\nfoo\n\nversion\npid grp:quick\n' },
  { args: [], input: 'start sleeper\nexit\nversion\n' },
  { args: [], input: 'shutdown\nn\nreload\nno\nversion' },
  { args: ['-i'], input: 'help\n' },
];

describe('against a working supervisord', () => {
  let server: RpcTestServer;
  let config: string;
  beforeAll(async () => {
    server = await startRpcServer({
      methods: supervisorStub(),
      logTail: fakeLogTail({ 'sleeper/stdout': STUB_LOGS['sleeper'] ?? '', main: STUB_MAIN_LOG }),
    });
    config = writeCtlConfig(server.dir.join('ctl.conf'), [`serverurl=${server.unixUrl}`]);
  });
  afterAll(async () => {
    await server.close();
  });

  it.concurrent.each(COMMANDS)('$args', async (c) => expectSame(config, c));
  it.concurrent.each(COMMAND_LINE)('options $args', async (c) => expectSame(config, c));
  it.concurrent.each(SHELL)('shell on a pipe: $input', async (c) => expectSame(config, c));
});
