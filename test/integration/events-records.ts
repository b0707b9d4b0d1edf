// Shared by the event tests: the listener fixtures, parsing what a listener recorded (envelope by
// envelope, `len` read as code points the way supervisor.childutils reads it), and an RPC client.

import { existsSync, readFileSync } from 'node:fs';

import { createNodeHttpClient } from '../../src/platform/node-http-client.js';
import { createRpcClient, type RpcClient } from '../../src/protocol/client.js';
import { PROGRAMS } from '../helpers/daemon-harness.js';
import { waitFor } from '../helpers/wait-for.js';

export const PYTHON = '/usr/bin/python3';
export const LISTENER_PY = `${PYTHON} ${PROGRAMS}/listener-record.py`;
export const LISTENER_MJS = `${process.execPath} ${PROGRAMS}/listener-record.mjs`;

export interface Envelope {
  readonly header: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly payload: string;
  /** header line + payload, as received */
  readonly text: string;
  readonly name: string;
  readonly serial: number;
}

/** Split a record file into envelopes; throws if the bytes do not parse exactly. */
export const parseRecords = (bytes: Buffer): Envelope[] => {
  const all = bytes.toString('utf8');
  const out: Envelope[] = [];
  let at = 0;
  while (at < all.length) {
    const eol = all.indexOf('\n', at);
    if (eol === -1) {
      throw new Error(`unterminated header at ${at}: ${JSON.stringify(all.slice(at))}`);
    }
    const header = all.slice(at, eol);
    const headers = Object.fromEntries(
      header.split(' ').map((token) => {
        const colon = token.indexOf(':');
        return [token.slice(0, colon), token.slice(colon + 1)];
      }),
    );
    const len = Number(headers['len']);
    let end = eol + 1;
    for (let n = 0; n < len; n++) {
      const code = all.codePointAt(end);
      if (code === undefined) {
        throw new Error(`payload shorter than len:${len} after ${header}`);
      }
      end += code > 0xffff ? 2 : 1;
    }
    const payload = all.slice(eol + 1, end);
    out.push({
      header,
      headers,
      payload,
      text: `${header}\n${payload}`,
      name: headers['eventname'] ?? '',
      serial: Number(headers['serial']),
    });
    at = end;
  }
  if (Buffer.from(out.map((e) => e.text).join(''), 'utf8').compare(bytes) !== 0) {
    throw new Error('the record does not re-encode to the bytes received');
  }
  return out;
};

export const readRecords = (path: string): Envelope[] =>
  existsSync(path) ? parseRecords(readFileSync(path)) : [];

/** Wait until the record at `path` satisfies `done`; returns the envelopes. */
export const waitForRecords = (
  path: string,
  done: (envelopes: Envelope[]) => boolean,
  timeoutMs = 15_000,
): Promise<Envelope[]> =>
  waitFor(
    () => {
      const envelopes = readRecords(path);
      return done(envelopes) && envelopes;
    },
    {
      timeoutMs,
      what: `records in ${path}:\n${readRecords(path)
        .map((e) => e.text)
        .join('\n')}`,
    },
  );

export const hasEvent =
  (name: string, payloadIncludes = '') =>
  (envelopes: Envelope[]): boolean =>
    envelopes.some((e) => e.name === name && e.payload.includes(payloadIncludes));

/** An XML-RPC client on a daemon's unix socket (ours or supervisord's). */
export const rpcClient = (socketPath: string): RpcClient =>
  createRpcClient({
    endpoint: { kind: 'unix', path: socketPath },
    username: null,
    password: null,
    transport: createNodeHttpClient(),
  });
