import { describe, expect, it } from 'vitest';

import { decodeMethodCall, decodeMethodResponse } from './xmlrpc-decode.js';
import { XmlRpcDateTime, XmlRpcDouble, type XmlRpcValue } from './xmlrpc-value.js';

const call = (params: string, name = 'ns.method'): string =>
  `<?xml version="1.0"?><methodCall><methodName>${name}</methodName><params>${params}</params></methodCall>`;
const one = (value: string): string => call(`<param><value>${value}</value></param>`);

const decodeOne = (value: string): XmlRpcValue => {
  const result = decodeMethodCall(one(value));
  if (!result.ok) {
    throw new Error(result.message);
  }
  return result.value.params[0]!;
};

describe('decodeMethodCall values', () => {
  it.each<[string, string, XmlRpcValue]>([
    ['int', '<int>42</int>', 42],
    ['i4 with sign and spaces', '<i4> -7 </i4>', -7],
    ['int beyond int32 (accepted, as Python does)', '<int>4294967296</int>', 4294967296],
    ['boolean 1', '<boolean>1</boolean>', true],
    ['boolean 0', '<boolean>0</boolean>', false],
    ['boolean "true" is false (supervisord)', '<boolean>true</boolean>', false],
    ['boolean " 1" is false', '<boolean> 1</boolean>', false],
    ['string', '<string>hello</string>', 'hello'],
    ['empty string element', '<string/>', ''],
    ['untyped value is a string, whitespace kept', '  spaced  ', '  spaced  '],
    ['empty untyped value', '', ''],
    [
      'entities',
      '<string>a&amp;b&lt;c&gt;d&quot;e&apos;f&#x4e2d;&#20013;</string>',
      'a&b<c>d"e\'f中中',
    ],
    ['CDATA', '<string><![CDATA[<not> & markup]]></string>', '<not> & markup'],
    ['unicode', '<string>héllo wörld 中文 🎉</string>', 'héllo wörld 中文 🎉'],
    ['base64 → string', '<base64>aGVsbG8g4pyT\n</base64>', 'hello ✓'],
    ['empty base64', '<base64></base64>', ''],
    ['array', '<array><data><value><int>1</int></value><value>x</value></data></array>', [1, 'x']],
    ['empty array', '<array><data/></array>', []],
    [
      'struct with whitespace layout',
      '<struct>\n <member>\n  <name>a</name>\n  <value><int>1</int></value>\n </member>\n</struct>',
      { a: 1 },
    ],
    [
      'nested',
      '<struct><member><name>l</name><value><array><data><value><struct><member><name>k</name><value><boolean>1</boolean></value></member></struct></value></data></array></value></member></struct>',
      { l: [{ k: true }] },
    ],
    [
      'member value before name',
      '<struct><member><value>v</value><name>n</name></member></struct>',
      { n: 'v' },
    ],
  ])('%s', (_label, xml, expected) => {
    expect(decodeOne(xml)).toEqual(expected);
  });

  it('decodes doubles, including the Python spellings', () => {
    expect(decodeOne('<double>2.5</double>')).toEqual(new XmlRpcDouble(2.5));
    expect(decodeOne('<double> -1e-05 </double>')).toEqual(new XmlRpcDouble(-1e-5));
    expect(decodeOne('<double>inf</double>')).toEqual(new XmlRpcDouble(Infinity));
    expect((decodeOne('<double>nan</double>') as XmlRpcDouble).value).toBeNaN();
  });

  it('decodes dateTime.iso8601', () => {
    const value = decodeOne('<dateTime.iso8601>20240229T23:59:01</dateTime.iso8601>');
    expect(value).toBeInstanceOf(XmlRpcDateTime);
    expect((value as XmlRpcDateTime).toIso8601()).toBe('20240229T23:59:01');
  });

  it('keeps __proto__ as an ordinary struct key', () => {
    const value = decodeOne(
      '<struct><member><name>__proto__</name><value><int>1</int></value></member></struct>',
    ) as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it('reads the method name and accepts a missing <params>', () => {
    expect(decodeMethodCall('<methodCall><methodName>a.b</methodName></methodCall>')).toEqual({
      ok: true,
      value: { methodName: 'a.b', params: [] },
    });
    const many = decodeMethodCall(
      call('<param><value>1</value></param><param><value><int>2</int></value></param>'),
    );
    expect(many).toEqual({ ok: true, value: { methodName: 'ns.method', params: ['1', 2] } });
  });

  it('keeps the method name raw (whitespace makes it unknown later, as in supervisord)', () => {
    const result = decodeMethodCall(call('', ' a.b '));
    expect(result.ok && result.value.methodName).toBe(' a.b ');
  });
});

describe('decodeMethodCall rejects malformed input precisely', () => {
  it.each<[string, string, RegExp]>([
    ['empty body', '', /not well-formed XML/],
    ['not XML', 'hello', /not well-formed XML/],
    [
      'truncated',
      '<methodCall><methodName>a.b</methodName><params>',
      /not well-formed XML.*unclosed/,
    ],
    ['wrong root', '<methodResponse/>', /root element is <methodResponse>/],
    ['no methodName', '<methodCall><params/></methodCall>', /exactly one <methodName>/],
    ['empty methodName', call('', ''), /<methodName> is empty/],
    [
      'two methodNames',
      '<methodCall><methodName>a.b</methodName><methodName>c.d</methodName></methodCall>',
      /exactly one <methodName>/,
    ],
    [
      'stray element',
      '<methodCall><methodName>a.b</methodName><x/></methodCall>',
      /<x> is not allowed inside <methodCall>/,
    ],
    ['param without value', call('<param/>'), /<param> must hold exactly one <value>/],
    ['bad int', one('<int>12a</int>'), /"12a", not an integer/],
    ['empty int', one('<int></int>'), /not an integer/],
    ['huge int', one('<int>123456789012345678901</int>'), /beyond ±2\^53/],
    ['bad double', one('<double>1.2.3</double>'), /not a number/],
    [
      'bad date',
      one('<dateTime.iso8601>20241301T00:00:00</dateTime.iso8601>'),
      /not YYYYMMDDTHH:MM:SS/,
    ],
    [
      'Feb 30',
      one('<dateTime.iso8601>20230230T00:00:00</dateTime.iso8601>'),
      /not YYYYMMDDTHH:MM:SS/,
    ],
    ['bad base64', one('<base64>abc</base64>'), /not valid base64/],
    ['base64 of invalid UTF-8', one('<base64>/w==</base64>'), /does not decode to UTF-8/],
    ['nil is unsupported', one('<nil/>'), /<nil> is not a supported XML-RPC type/],
    ['i8 is unsupported', one('<i8>1</i8>'), /<i8> is not a supported/],
    ['two typed children', one('<int>1</int><int>2</int>'), /holds more than one element/],
    ['text beside a typed child', one('x<int>1</int>'), /stray text "x"/],
    [
      'element inside a scalar',
      one('<string><b>x</b></string>'),
      /<b> is not allowed inside <string>/,
    ],
    ['array without data', one('<array/>'), /exactly one <data>/],
    [
      'struct member without name',
      one('<struct><member><value>1</value></member></struct>'),
      /one <name> and one <value>/,
    ],
    [
      'non-member in struct',
      one('<struct><value>1</value></struct>'),
      /where <member> was expected/,
    ],
    ['undefined entity', one('<string>&bogus;</string>'), /undefined entity/],
    ['NUL character', one('<string>\u0000</string>'), /disallowed character/],
  ])('%s', (_label, xml, message) => {
    const result = decodeMethodCall(xml);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(message);
  });

  it('refuses a DOCTYPE and never expands its entities', () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' +
      '<methodCall><methodName>&lol2;</methodName></methodCall>';
    const result = decodeMethodCall(bomb);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/DOCTYPE is not allowed/) });
    const external =
      '<?xml version="1.0"?><!DOCTYPE x SYSTEM "file:///etc/passwd"><methodCall><methodName>a.b</methodName></methodCall>';
    expect(decodeMethodCall(external).ok).toBe(false);
  });

  it('bounds nesting depth without blowing the stack', () => {
    const depth = 100_000;
    const xml = one(
      `${'<array><data><value>'.repeat(depth)}x${'</value></data></array>'.repeat(depth)}`,
    );
    const result = decodeMethodCall(xml);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/nested deeper than 512/) });
  });

  it('accepts nesting well within the bound', () => {
    const depth = 150;
    const xml = `${'<array><data><value>'.repeat(depth)}x${'</value></data></array>'.repeat(depth)}`;
    let value = decodeOne(xml);
    for (let i = 0; i < depth; i += 1) {
      value = (value as XmlRpcValue[])[0]!;
    }
    expect(value).toBe('x');
  });
});

describe('decodeMethodResponse', () => {
  it('reads a value', () => {
    const text =
      "<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value><string>3.0</string></value>\n</param>\n</params>\n</methodResponse>\n";
    expect(decodeMethodResponse(text)).toEqual({
      ok: true,
      value: { kind: 'value', value: '3.0' },
    });
  });

  it('reads a fault', () => {
    const text =
      '<methodResponse><fault><value><struct><member><name>faultCode</name><value><int>10</int></value></member>' +
      '<member><name>faultString</name><value><string>BAD_NAME: x</string></value></member></struct></value></fault></methodResponse>';
    expect(decodeMethodResponse(text)).toEqual({
      ok: true,
      value: { kind: 'fault', faultCode: 10, faultString: 'BAD_NAME: x' },
    });
  });

  it.each<[string, string, RegExp]>([
    [
      'two params',
      '<methodResponse><params><param><value>a</value></param><param><value>b</value></param></params></methodResponse>',
      /exactly one <param>/,
    ],
    ['no params', '<methodResponse><params/></methodResponse>', /exactly one <param>/],
    [
      'fault without code',
      '<methodResponse><fault><value><struct/></value></fault></methodResponse>',
      /int faultCode/,
    ],
    ['something else', '<methodResponse><oops/></methodResponse>', /not <params> or <fault>/],
    [
      'a call instead',
      '<methodCall><methodName>a.b</methodName></methodCall>',
      /expected <methodResponse>/,
    ],
  ])('rejects %s', (_label, text, message) => {
    const result = decodeMethodResponse(text);
    expect(result.ok ? '' : result.message).toMatch(message);
  });
});
