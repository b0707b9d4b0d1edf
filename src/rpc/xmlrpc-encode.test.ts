// Expected texts are what Python 3.11's xmlrpc.client.dumps produced for the same values.
import { describe, expect, it } from 'vitest';

import { decodeMethodCall, decodeMethodResponse } from './xmlrpc-decode.js';
import { encodeFaultResponse, encodeMethodCall, encodeMethodResponse } from './xmlrpc-encode.js';
import { XmlRpcDateTime, XmlRpcDouble, type XmlRpcValue } from './xmlrpc-value.js';

const response = (value: string): string =>
  `<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n${value}</param>\n</params>\n</methodResponse>\n`;

const encoded = (value: XmlRpcValue): string => {
  const result = encodeMethodResponse(value);
  if (!result.ok) {
    throw new Error(result.message);
  }
  return result.text;
};

describe('encodeMethodResponse matches xmlrpc.client.dumps', () => {
  it.each<[string, XmlRpcValue, string]>([
    ['string', '3.0', '<value><string>3.0</string></value>\n'],
    ['int', 6628, '<value><int>6628</int></value>\n'],
    ['int32 max', 2147483647, '<value><int>2147483647</int></value>\n'],
    ['int32 min', -2147483648, '<value><int>-2147483648</int></value>\n'],
    ['true', true, '<value><boolean>1</boolean></value>\n'],
    ['false', false, '<value><boolean>0</boolean></value>\n'],
    ['empty string', '', '<value><string></string></value>\n'],
    ['double', new XmlRpcDouble(1), '<value><double>1.0</double></value>\n'],
    [
      'dateTime',
      new XmlRpcDateTime({ year: 2024, month: 1, day: 2, hour: 3, minute: 4, second: 5 }),
      '<value><dateTime.iso8601>20240102T03:04:05</dateTime.iso8601></value>\n',
    ],
    [
      'escaping: only & < >, quotes and control characters pass through',
      'a\r\nb\u0000c & < > " \'',
      '<value><string>a\r\nb\u0000c &amp; &lt; &gt; " \'</string></value>\n',
    ],
    ['unicode passes through', 'é中🎉', '<value><string>é中🎉</string></value>\n'],
    [
      'struct keeps insertion order and escapes names',
      { k: 1, 'a&b': 2 },
      '<value><struct>\n<member>\n<name>k</name>\n<value><int>1</int></value>\n</member>\n' +
        '<member>\n<name>a&amp;b</name>\n<value><int>2</int></value>\n</member>\n</struct></value>\n',
    ],
    [
      'nested empties',
      [[], {}, [[1]], { a: { b: [] } }, true, false, ''],
      '<value><array><data>\n<value><array><data>\n</data></array></value>\n<value><struct>\n</struct></value>\n' +
        '<value><array><data>\n<value><array><data>\n<value><int>1</int></value>\n</data></array></value>\n</data></array></value>\n' +
        '<value><struct>\n<member>\n<name>a</name>\n<value><struct>\n<member>\n<name>b</name>\n<value><array><data>\n</data></array></value>\n</member>\n</struct></value>\n</member>\n</struct></value>\n' +
        '<value><boolean>1</boolean></value>\n<value><boolean>0</boolean></value>\n<value><string></string></value>\n</data></array></value>\n',
    ],
  ])('%s', (_label, value, expectedValue) => {
    expect(encoded(value)).toBe(response(expectedValue));
  });

  it.each<[string, unknown, RegExp]>([
    ['int above int32', 2147483648, /int 2147483648 exceeds XML-RPC limits/],
    ['int below int32', -2147483649, /exceeds XML-RPC limits/],
    ['non-integer number', 1.5, /not an integer/],
    ['NaN as int', NaN, /not an integer/],
    ['undefined (no nil)', undefined, /cannot marshal undefined/],
    ['null (no nil)', null, /cannot marshal null/],
    ['nested undefined', { a: [undefined] }, /cannot marshal undefined/],
    ['a Map', new Map(), /cannot marshal object/],
  ])('refuses %s', (_label, value, message) => {
    const result = encodeMethodResponse(value as XmlRpcValue);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(message) });
  });

  it('refuses a cyclic value instead of overflowing the stack', () => {
    const cyclic: XmlRpcValue[] = [];
    cyclic.push(cyclic);
    expect(encodeMethodResponse(cyclic)).toEqual({
      ok: false,
      message: expect.stringMatching(/nested deeper than/),
    });
  });
});

describe('encodeFaultResponse and encodeMethodCall', () => {
  it('writes a fault like xmlrpc.client.dumps(Fault(...))', () => {
    expect(encodeFaultResponse(3, 'BAD & <x>')).toEqual({
      ok: true,
      text:
        "<?xml version='1.0'?>\n<methodResponse>\n<fault>\n<value><struct>\n<member>\n<name>faultCode</name>\n" +
        '<value><int>3</int></value>\n</member>\n<member>\n<name>faultString</name>\n' +
        '<value><string>BAD &amp; &lt;x&gt;</string></value>\n</member>\n</struct></value>\n</fault>\n</methodResponse>\n',
    });
  });

  it('writes a call like xmlrpc.client.dumps(params, name)', () => {
    expect(encodeMethodCall('system.multicall', [1, 'x'])).toEqual({
      ok: true,
      text:
        "<?xml version='1.0'?>\n<methodCall>\n<methodName>system.multicall</methodName>\n<params>\n" +
        '<param>\n<value><int>1</int></value>\n</param>\n<param>\n<value><string>x</string></value>\n</param>\n' +
        '</params>\n</methodCall>\n',
    });
    expect(encodeMethodCall('system.listMethods', [])).toEqual({
      ok: true,
      text: "<?xml version='1.0'?>\n<methodCall>\n<methodName>system.listMethods</methodName>\n<params>\n</params>\n</methodCall>\n",
    });
  });
});

describe('round trips', () => {
  const values: XmlRpcValue[] = [
    0,
    -1,
    'x & <y> ]]> "z"',
    '中文 🎉 \t\n',
    true,
    [1, ['two', [3]], { four: { five: [] } }],
    JSON.parse('{"": "empty key", "__proto__": "own key"}') as XmlRpcValue,
    new XmlRpcDouble(0.1),
  ];

  it.each(values.map((v) => [v]))('response and call round-trip %#', (value) => {
    const text = encoded(value);
    expect(decodeMethodResponse(text)).toEqual({ ok: true, value: { kind: 'value', value } });
    const callText = encodeMethodCall('a.b', [value]);
    expect(callText.ok && decodeMethodCall(callText.text)).toEqual({
      ok: true,
      value: { methodName: 'a.b', params: [value] },
    });
  });
});
