// Thousands of malformed, random, oversized, slow and half-closed requests against one server:
// every request gets an HTTP answer with a sensible status, and the server serves normally
// afterwards. The generator is seeded; a failure message names the seed and the request.

import { afterAll, beforeAll, expect, it } from 'vitest';

import { encodeMethodCall } from '../../src/protocol/xmlrpc/xmlrpc-encode.js';
import type { XmlRpcValue } from '../../src/protocol/xmlrpc/xmlrpc-value.js';
import {
  exchangeRaw,
  methodCall,
  openSocket,
  startRpcServer,
  type RpcTestServer,
  type Target,
} from './rpc-harness.js';

const SEED = Number(process.env['RPC_FUZZ_SEED'] ?? 20261121);
const MAX_BODY = 64 * 1024;

/** mulberry32: small, seedable, good enough to pick test inputs. */
const prng = (seed: number) => {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
};
type Random = ReturnType<typeof prng>;

const TAGS = [
  'methodCall',
  'methodName',
  'params',
  'param',
  'value',
  'int',
  'i4',
  'string',
  'boolean',
  'double',
  'array',
  'data',
  'struct',
  'member',
  'name',
  'base64',
  'dateTime.iso8601',
  'nil',
  'foo',
];
const NOISE = [
  '<',
  '>',
  '&',
  ';',
  '/',
  '"',
  "'",
  '&amp;',
  '&#0;',
  '&#x110000;',
  '&bogus;',
  ']]>',
  '<![CDATA[',
  '<!--',
  '<?',
  '\u0000',
  '\uffff',
  '\ud800',
  '😀',
  'é',
  '\r\n',
  ' ',
  'a',
  '1',
  '-',
  '.',
];
const METHODS = [
  'test.echo',
  'test.add',
  'test.greet',
  'test.badName',
  'test.crash',
  'test.tooBig',
  'system.listMethods',
  'system.methodHelp',
  'system.methodSignature',
  'system.multicall',
  'supervisor.getAPIVersion',
  'no.such',
  'test._hidden',
  'a.b.c',
  '',
  'test.wait',
];

/** Noise a valid call may carry: XML cannot hold NUL, U+FFFF or a lone surrogate. */
const TEXT_NOISE = NOISE.filter((n) => !['\u0000', '\uffff', '\ud800'].includes(n));

const randomValue = (r: Random, depth = 0): XmlRpcValue => {
  switch (r.int(depth > 3 ? 4 : 6)) {
    case 0:
      return r.int(2 ** 32) - 2 ** 31;
    case 1:
      return r.next() < 0.5;
    case 2:
      return Array.from({ length: r.int(12) }, () => r.pick(TEXT_NOISE)).join('');
    case 3:
      return r.pick(['web', 'group:*', '', 'x'.repeat(r.int(300))]);
    case 4:
      return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: r.int(4) }, (_, i) => [`k${i}`, randomValue(r, depth + 1)]),
      );
  }
};

const validCall = (r: Random): string => {
  const encoded = encodeMethodCall(
    r.pick(METHODS.filter((m) => m !== '')),
    Array.from({ length: r.int(4) }, () => randomValue(r)),
  );
  return encoded.ok ? encoded.text : methodCall('test.add');
};

const mutate = (r: Random, text: string): string => {
  let out = text;
  for (let i = 0, n = 1 + r.int(4); i < n; i += 1) {
    const at = r.int(out.length + 1);
    switch (r.int(4)) {
      case 0:
        out = out.slice(0, at) + out.slice(at + 1 + r.int(20));
        break;
      case 1:
        out = out.slice(0, at) + r.pick(NOISE) + out.slice(at);
        break;
      case 2:
        out = out.slice(0, at);
        break;
      default:
        out = out.slice(0, at) + out.slice(r.int(out.length));
    }
  }
  return out;
};

const tagSoup = (r: Random, depth = 0): string => {
  if (depth > 5 || r.next() < 0.3) {
    return Array.from({ length: r.int(3) }, () => r.pick(NOISE)).join('');
  }
  const tag = r.pick(TAGS);
  const inner = Array.from({ length: r.int(3) }, () => tagSoup(r, depth + 1)).join('');
  return `<${tag}>${inner}</${tag}>`;
};

interface Case {
  readonly label: string;
  readonly bytes: Buffer;
  readonly statuses: readonly number[];
  readonly halfClose?: boolean;
}

const post = (body: Buffer, extra = ''): Buffer =>
  Buffer.concat([
    Buffer.from(`POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n${extra}\r\n`),
    body,
  ]);

const makeCase = (r: Random): Case => {
  const kind = r.int(12);
  switch (kind) {
    case 0:
      return { label: 'valid call', bytes: post(Buffer.from(validCall(r))), statuses: [200, 500] };
    case 1:
      return {
        label: 'mutated call',
        bytes: post(Buffer.from(mutate(r, validCall(r)))),
        statuses: [200, 400, 500],
      };
    case 2:
      return {
        label: 'tag soup',
        bytes: post(Buffer.from(`<methodCall>${tagSoup(r)}</methodCall>`)),
        statuses: [200, 400, 500],
      };
    case 3:
      return {
        label: 'random bytes',
        bytes: post(Buffer.from(Array.from({ length: r.int(500) }, () => r.int(256)))),
        statuses: [400],
      };
    case 4:
      return {
        label: 'wrong arity/types',
        bytes: post(
          Buffer.from(
            methodCall(
              r.pick(METHODS.filter((m) => m !== '')),
              `<param><value><${r.pick(['int', 'string', 'boolean'])}>${r.pick(['1', 'x', ''])}</${r.pick(['int', 'string', 'boolean'])}></value></param>`.repeat(
                r.int(4),
              ),
            ),
          ),
        ),
        statuses: [200, 400, 500],
      };
    case 5:
      return {
        label: 'oversized body',
        bytes: post(Buffer.alloc(MAX_BODY + 1 + r.int(MAX_BODY), 'x')),
        statuses: [413],
      };
    case 6:
      return {
        label: 'deep nesting',
        bytes: post(
          Buffer.from(
            methodCall(
              'test.echo',
              `<param><value>${'<array><data><value>'.repeat(200 + r.int(5000))}`,
            ),
          ),
        ),
        statuses: [400, 413],
      };
    case 7:
      return {
        label: 'entity expansion',
        bytes: post(
          Buffer.from(
            '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><methodCall><methodName>&b;</methodName></methodCall>',
          ),
        ),
        statuses: [400],
      };
    case 8: {
      const line = r.pick([
        'GARBAGE',
        'GET',
        'POST /RPC2 HTTP/9.9',
        'GET /ok.html HTTP/1.1\r\nBad Header Line',
        `GET /${'a'.repeat(r.int(100))} HTTP/1.1\r\nHost: x\r\nContent-Length: nope`,
        '\u0000\u0001\u0002',
      ]);
      return {
        label: 'malformed HTTP',
        bytes: Buffer.from(`${line}\r\n\r\n`),
        statuses: [400, 404],
      };
    }
    case 9:
      return {
        label: 'huge header',
        bytes: Buffer.from(
          `GET /ok.html HTTP/1.1\r\nHost: x\r\nX-Big: ${'h'.repeat(20_000 + r.int(50_000))}\r\n\r\n`,
        ),
        statuses: [431],
      };
    case 10: {
      const body = Buffer.from(validCall(r));
      return {
        label: 'half-closed after the request',
        bytes: post(body),
        statuses: [200, 500],
        halfClose: true,
      };
    }
    default: {
      const path = r.pick([
        '/',
        '/ok.html',
        '/logtail/x',
        '/mainlogtail',
        '/RPC2',
        '/index.html',
        '/%ZZ',
        '/logtail/%E0%A4%A',
      ]);
      return {
        label: 'other path',
        bytes: Buffer.from(
          `${r.pick(['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'])} ${path} HTTP/1.1\r\nHost: x\r\n\r\n`,
        ),
        statuses: [200, 400, 404, 411],
      };
    }
  }
};

/** A complete response: a status line, headers, and Content-Length bytes of body. */
const isComplete = (text: string): boolean => {
  const split = text.indexOf('\r\n\r\n');
  const length = /\r\ncontent-length: (\d+)/i.exec(text.slice(0, split));
  return (
    split >= 0 && length !== null && Buffer.byteLength(text.slice(split + 4)) >= Number(length[1])
  );
};

let server: RpcTestServer;
beforeAll(async () => {
  server = await startRpcServer({
    maxBodyBytes: MAX_BODY,
    limits: { headersTimeoutMs: 400, requestTimeoutMs: 800, keepAliveTimeoutMs: 2000 },
  });
});
afterAll(async () => {
  await server.close();
});

const runPool = async <T>(items: readonly T[], width: number, work: (item: T) => Promise<void>) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const item = items[next] as T;
        next += 1;
        await work(item);
      }
    }),
  );
};

it(`answers thousands of hostile requests and keeps serving (seed ${SEED})`, async () => {
  const r = prng(SEED);
  const cases = Array.from({ length: 3000 }, () => makeCase(r));
  const problems: string[] = [];
  await runPool(
    cases.map((c, i) => ({ c, i })),
    40,
    async ({ c, i }) => {
      const target: Target = i % 2 === 0 ? { path: server.socketPath } : { port: server.port };
      const result = await exchangeRaw(target, c.bytes, {
        until: isComplete,
        timeoutMs: 5000,
        ...(c.halfClose === true ? { halfClose: true } : {}),
      });
      const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(result.text)?.[1] ?? 0);
      if (!c.statuses.includes(status)) {
        problems.push(
          `#${i} ${c.label}: got ${status === 0 ? JSON.stringify(result.text.slice(0, 80)) : status}, expected ${c.statuses.join('/')}; request ${JSON.stringify(c.bytes.toString('latin1').slice(0, 200))}`,
        );
      }
    },
  );
  expect(problems, `seed ${SEED}`).toEqual([]);
  expect(await server.client('unix').call('test.add', [20, 22])).toBe(42);
  expect(await server.client('tcp').call('system.listMethods')).toContain('test.echo');
  expect(server.logs.filter((line) => line.startsWith('server error'))).toEqual([]);
});

it('answers clients that stall in the headers or the body with 408, and closes', async () => {
  const stalls = [
    'POST /RPC2 HTTP/1.1\r\nHost: x\r\n',
    'GET /ok.h',
    `POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n<methodCall>`,
  ];
  const results = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      exchangeRaw(
        i % 2 === 0 ? { path: server.socketPath } : { port: server.port },
        stalls[i % stalls.length] as string,
        {
          timeoutMs: 5000,
        },
      ),
    ),
  );
  for (const result of results) {
    expect(result.timedOut).toBe(false);
    expect(result.closed).toBe(true);
    expect(result.text).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
  }
  expect(await server.client('unix').call('test.add', [1, 1])).toBe(2);
});

it('survives clients that connect and leave, or leave mid-request', async () => {
  const leavers = Array.from({ length: 200 }, async (_, i) => {
    const socket = await openSocket(
      i % 2 === 0 ? { path: server.socketPath } : { port: server.port },
    );
    if (i % 3 === 1) {
      socket.write(`POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n<methodCall>`);
    } else if (i % 3 === 2) {
      socket.write(`POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n`);
      socket.end();
    }
    socket.destroy();
  });
  await Promise.all(leavers);
  expect(await server.client('tcp').call('test.add', [2, 2])).toBe(4);
});

it('answers a half-closed client that sent a partial request', async () => {
  const result = await exchangeRaw(
    { port: server.port },
    'POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n<methodCall>',
    { halfClose: true, timeoutMs: 5000 },
  );
  expect(result.timedOut).toBe(false);
  expect(result.text).toMatch(/^HTTP\/1\.1 (400|408) /);
});
