// When a document has several mistakes, the streaming decoder names the one a top-down reading
// meets first (an element's own checks before its content, siblings in order), as the tree-based
// decoder it replaced did.

import { describe, expect, it } from 'vitest';

import { decodeMethodCall, decodeMethodResponse } from './xmlrpc-decode.js';

const messageOf = (result: { ok: boolean; message?: string }): string =>
  result.ok ? '' : (result.message ?? '');

describe('decoding reports the first problem in top-down order', () => {
  it.each<[string, string, RegExp]>([
    [
      'a root check beats a bad value inside',
      '<methodCall><params><param><value><int>x</int></value></param></params></methodCall>',
      /exactly one <methodName>/,
    ],
    [
      'a member check beats a bad value inside it',
      '<methodCall><methodName>a</methodName><params><param><value><struct><member><value><int>x</int></value></member></struct></value></param></params></methodCall>',
      /one <name> and one <value>/,
    ],
    [
      'an earlier sibling beats a later one',
      '<methodCall><methodName>a</methodName><params><param><value><int>x</int></value></param><param><value><nil/></value></param></params></methodCall>',
      /"x", not an integer/,
    ],
    [
      'stray text in a struct beats a bad member after it',
      '<methodCall><methodName>a</methodName><params><param><value><struct>t<oops/></struct></value></param></params></methodCall>',
      /<struct> holds stray text "t"/,
    ],
    [
      'malformed XML later beats a structural problem earlier',
      '<methodCall><x/><methodName>a</methodName></methodCall><trailing/>',
      /not well-formed XML/,
    ],
  ])('%s', (_label, xml, message) => {
    expect(messageOf(decodeMethodCall(xml))).toMatch(message);
  });

  it('checks the param count only after the params decoded', () => {
    const text =
      '<methodResponse><params><param><value><int>x</int></value></param><param><value>b</value></param></params></methodResponse>';
    expect(messageOf(decodeMethodResponse(text))).toMatch(/not an integer/);
  });

  it('decodes a member whose name carries text in pieces', () => {
    const text =
      '<methodResponse><params><param><value><struct><member><name>a<![CDATA[b]]>&amp;c</name><value>v</value></member></struct></value></param></params></methodResponse>';
    expect(decodeMethodResponse(text)).toEqual({
      ok: true,
      value: { kind: 'value', value: { 'ab&c': 'v' } },
    });
  });
});
