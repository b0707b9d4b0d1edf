// Compatibility with Python clients: xmlrpc.client over supervisor's own SupervisorTransport
// (what supervisorctl uses) on the unix socket and TCP, byte-for-byte equality of our responses
// with xmlrpc.client.dumps, and the real supervisorctl talking to our server.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startRpcServer, type RpcTestServer } from './rpc-harness.js';

const run = promisify(execFile);
const PYTHON = '/usr/bin/python3';

const python = async (script: string, args: string[]): Promise<unknown> => {
  const { stdout } = await run(PYTHON, ['-c', script, ...args]);
  return JSON.parse(stdout) as unknown;
};

/** Calls through SupervisorTransport and reports values, faults and protocol errors as JSON. */
const CLIENT_SCRIPT = `
import json, sys, datetime, xmlrpc.client
from supervisor.xmlrpc import SupervisorTransport
url = sys.argv[1]
user = sys.argv[2] or None
password = sys.argv[3] or None
proxy = xmlrpc.client.ServerProxy('http://127.0.0.1', transport=SupervisorTransport(user, password, url))
def attempt(fn):
    try:
        value = fn()
        return ['value', value.value if isinstance(value, xmlrpc.client.DateTime) else value]
    except xmlrpc.client.Fault as f:
        return ['fault', f.faultCode, f.faultString]
    except xmlrpc.client.ProtocolError as e:
        return ['http', e.errcode, e.errmsg]
def multicall():
    multi = xmlrpc.client.MultiCall(proxy)
    multi.test.add(1, 2)
    multi.test.badName('x')
    return [['value', r] for r in multi().results]
print(json.dumps({
  'version': attempt(lambda: proxy.supervisor.getVersion()),
  'echo': attempt(lambda: proxy.test.echo({'list': [1, 'two', True, 2.5], 'text': 'a & b <c> "d" é中🎉', 'empty': {}})),
  'date': attempt(lambda: proxy.test.echo(datetime.datetime(2024, 2, 29, 12, 0, 1))),
  'binary': attempt(lambda: proxy.test.echo(xmlrpc.client.Binary('bytes ✓'.encode()))),
  'greet': attempt(lambda: proxy.test.greet('bob', True)),
  'fault': attempt(lambda: proxy.test.badName('nope')),
  'unknown': attempt(lambda: proxy.nope.nothing()),
  'arity': attempt(lambda: proxy.test.add(1)),
  'crash': attempt(lambda: proxy.test.crash()),
  'after_crash': attempt(lambda: proxy.test.add(2, 2)),
  'signature': attempt(lambda: proxy.system.methodSignature('test.greet')),
  'multicall': attempt(multicall),
}))
`;

/** Posts dumps((v,), 'test.echo') and checks the raw response equals dumps((v,), methodresponse=True). */
const BYTES_SCRIPT = `
import json, sys, socket, datetime, http.client, xmlrpc.client
class Unix(http.client.HTTPConnection):
    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(sys.argv[1])
values = [0, -2147483648, 2147483647, True, False, '', 'a & b < c > d " \\' ]]>', 'é中🎉',
          1.0, 0.1, 1e16, 1e-05, -0.0, 123456789012345680.0, float('inf'), float('-inf'), float('nan'),
          [], {}, [1, [2, [3]]], {'a': {'b': []}, 'k': 1}, datetime.datetime(2024, 1, 2, 3, 4, 5),
          [{'name': 'x', 'pid': 42, 'description': 'pid 42, uptime 0:01:02'}]]
mismatches = []
conn = Unix('localhost')
for v in values:
    conn.request('POST', '/RPC2', xmlrpc.client.dumps((v,), 'test.echo').encode(), {'Content-Type': 'text/xml'})
    got = conn.getresponse().read().decode()
    want = xmlrpc.client.dumps((v,), methodresponse=True)
    if got != want:
        mismatches.append([repr(v), got, want])
print(json.dumps({'count': len(values), 'mismatches': mismatches}))
`;

let server: RpcTestServer;
let secured: RpcTestServer;
beforeAll(async () => {
  server = await startRpcServer();
  secured = await startRpcServer({ auth: { username: 'admin', password: 's3cret' } });
});
afterAll(async () => {
  await server.close();
  await secured.close();
});

describe.each(['unix', 'tcp'] as const)(
  'xmlrpc.client with SupervisorTransport over %s',
  (kind) => {
    it('understands every answer', async () => {
      const url = kind === 'unix' ? server.unixUrl : server.httpUrl;
      const results = await python(CLIENT_SCRIPT, [url, '', '']);
      expect(results).toEqual({
        version: ['value', '3.0'],
        echo: ['value', { list: [1, 'two', true, 2.5], text: 'a & b <c> "d" é中🎉', empty: {} }],
        date: ['value', '20240229T12:00:01'],
        binary: ['value', 'bytes ✓'],
        greet: ['value', 'HELLO BOB!'],
        fault: ['fault', 10, 'BAD_NAME: nope'],
        unknown: ['fault', 1, 'UNKNOWN_METHOD'],
        arity: ['fault', 2, 'INCORRECT_PARAMETERS'],
        crash: ['http', 500, 'Internal Server Error'],
        after_crash: ['value', 4],
        signature: ['value', ['string', 'string', 'boolean']],
        // Plain values, not one-element arrays: supervisord's multicall, not the XML-RPC spec's.
        multicall: [
          'value',
          [
            ['value', 3],
            ['value', { faultCode: 10, faultString: 'BAD_NAME: x' }],
          ],
        ],
      });
    });

    it('authenticates, and gets 401 without credentials', async () => {
      const url = kind === 'unix' ? secured.unixUrl : secured.httpUrl;
      const good = await python(CLIENT_SCRIPT, [url, 'admin', 's3cret']);
      expect(good).toMatchObject({ version: ['value', '3.0'] });
      const anonymous = await python(CLIENT_SCRIPT, [url, '', '']);
      expect(anonymous).toMatchObject({ version: ['http', 401, 'Unauthorized'] });
    });
  },
);

describe('byte compatibility', () => {
  it('answers exactly what xmlrpc.client.dumps writes, for every value kind', async () => {
    const result = await python(BYTES_SCRIPT, [server.socketPath]);
    expect(result).toEqual({ count: 23, mismatches: [] });
  });
});

describe('the real supervisorctl', () => {
  const supervisorctl = async (args: string[]) => {
    try {
      const { stdout } = await run('supervisorctl', args);
      return { code: 0, stdout };
    } catch (error: unknown) {
      const failed = error as { code: number; stdout: string };
      return { code: failed.code, stdout: failed.stdout };
    }
  };

  it('talks to our server over the unix socket and TCP', async () => {
    for (const url of [server.unixUrl, server.httpUrl]) {
      expect(await supervisorctl(['-s', url, 'version'])).toEqual({
        code: 0,
        stdout: 'test-version\n',
      });
    }
  });

  it('authenticates, and reports a missing or wrong password as supervisorctl does', async () => {
    expect(
      await supervisorctl(['-s', secured.httpUrl, '-u', 'admin', '-p', 's3cret', 'version']),
    ).toEqual({
      code: 0,
      stdout: 'test-version\n',
    });
    const refused = await supervisorctl([
      '-s',
      secured.unixUrl,
      '-u',
      'admin',
      '-p',
      'wrong',
      'version',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^Server requires authentication\n/);
  });

  it('reports a missing socket file', async () => {
    const result = await supervisorctl(['-s', `unix://${server.dir.join('none.sock')}`, 'version']);
    expect(result.stdout).toBe(`unix://${server.dir.join('none.sock')} no such file\n`);
  });
});
