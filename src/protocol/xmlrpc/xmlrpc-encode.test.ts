// Expected texts are what Python 3.11's xmlrpc.client.dumps produced for the same values.
import { describe, expect, it } from 'vitest';

import { decodeMethodCall, decodeMethodResponse } from './xmlrpc-decode.js';
import { pythonFloatRepr } from './python-float-repr.js';
import {
  CHUNK_CHARS,
  encodeFaultResponse,
  encodeMethodCall,
  encodeMethodResponse,
  encodeMethodResponseChunks,
  safeCut,
} from './xmlrpc-encode.js';
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

/** The encoder as it was before chunking (one string per value, joined): the bytes to keep. */
const referenceValue = (value: XmlRpcValue): string => {
  const escape = (text: string): string =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (typeof value === 'number') {
    return `<value><int>${String(value === 0 ? 0 : value)}</int></value>\n`;
  }
  if (typeof value === 'boolean') {
    return `<value><boolean>${value ? '1' : '0'}</boolean></value>\n`;
  }
  if (typeof value === 'string') {
    return `<value><string>${escape(value)}</string></value>\n`;
  }
  if (value instanceof XmlRpcDouble) {
    return `<value><double>${pythonFloatRepr(value.value)}</double></value>\n`;
  }
  if (value instanceof XmlRpcDateTime) {
    return `<value><dateTime.iso8601>${value.toIso8601()}</dateTime.iso8601></value>\n`;
  }
  if (Array.isArray(value)) {
    const items = (value as readonly XmlRpcValue[]).map(referenceValue).join('');
    return `<value><array><data>\n${items}</data></array></value>\n`;
  }
  const members = Object.entries(value)
    .map(
      ([name, member]) =>
        `<member>\n<name>${escape(name)}</name>\n${referenceValue(member)}</member>\n`,
    )
    .join('');
  return `<value><struct>\n${members}</struct></value>\n`;
};

const chunksOf = (value: XmlRpcValue): { chunks: string[]; byteLength: number } => {
  const result = encodeMethodResponseChunks(value);
  if (!result.ok) {
    throw new Error(result.message);
  }
  const chunks: string[] = [];
  for (let chunk = result.document.nextChunk(); chunk !== undefined;) {
    chunks.push(chunk);
    chunk = result.document.nextChunk();
  }
  return { chunks, byteLength: result.document.byteLength };
};

/** What getAllProcessInfo answers for `count` processes, give or take the field values. */
const listing = (count: number): XmlRpcValue =>
  Array.from({ length: count }, (_, i) => ({
    name: `web_${String(i).padStart(3, '0')}`,
    group: i % 2 === 0 ? 'web' : 'wörker & <co>',
    description: `pid ${String(1000 + i)}, uptime 0:0${String(i % 10)}:00 🎉`,
    start: 1_700_000_000 + i,
    stop: 0,
    now: 1_700_000_100,
    state: 20,
    statename: 'RUNNING',
    spawnerr: '',
    exitstatus: 0,
    logfile: `/var/log/web_${String(i)}.log`,
    stdout_logfile: `/var/log/web_${String(i)}.log`,
    stderr_logfile: '',
    pid: 1000 + i,
  }));

/** A string whose emoji (two UTF-16 units) straddle every possible cut near `CHUNK_CHARS`. */
const straddling = (shift: number): string =>
  `${'a'.repeat(CHUNK_CHARS - 20 + shift)}${'🎉'.repeat(40)}${'é中&<>'.repeat(CHUNK_CHARS / 2)}`;

describe('encodeMethodResponseChunks', () => {
  const values: [string, XmlRpcValue][] = [
    ['an int', 6628],
    ['a negative zero', -0],
    ['a boolean', false],
    ['a string to escape', 'a\r\nb\u0000c & < > " \''],
    ['unicode', 'é中🎉'],
    ['a double', new XmlRpcDouble(0.1)],
    [
      'a dateTime',
      new XmlRpcDateTime({ year: 2024, month: 1, day: 2, hour: 3, minute: 4, second: 5 }),
    ],
    ['an empty array', []],
    ['an empty struct', {}],
    ['nested empties', [[], {}, [[1]], { a: { b: [] } }, true, false, '']],
    ['a struct with escaped names', { k: 1, 'a&b': 2, 'é<': ['x'] }],
    ['an own __proto__ key', JSON.parse('{"__proto__": [1, {"": "x"}]}') as XmlRpcValue],
    ['a lone surrogate', ['\ud83c', 'x\udf89y']],
    ['a listing of 1000 processes', listing(1000)],
    ['a listing inside a struct', { all: listing(300) }],
    ['a long string', straddling(0)],
    ...[1, 2, 3, 19, 20, 21].map((shift): [string, XmlRpcValue] => [
      `a long string cut at ${String(shift)}`,
      [straddling(shift), 'after'],
    ]),
  ];

  it.each(values)('%s: the same bytes as before, and their length', (_label, value) => {
    const expected = `<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n${referenceValue(value)}</param>\n</params>\n</methodResponse>\n`;
    const { chunks, byteLength } = chunksOf(value);
    expect(chunks.join('')).toBe(expected);
    expect(encoded(value)).toBe(expected);
    const bytes = Buffer.concat(chunks.map((chunk) => Buffer.from(chunk, 'utf8')));
    expect(bytes.equals(Buffer.from(expected, 'utf8'))).toBe(true);
    expect(byteLength).toBe(bytes.length);
  });

  it('never cuts a character in two', () => {
    for (const shift of [0, 1, 2, 3, 19, 20, 21]) {
      const { chunks } = chunksOf([straddling(shift), listing(50)]);
      for (const chunk of chunks) {
        expect(chunk).toMatch(/^[^\udc00-\udfff]/u);
        expect(chunk).toMatch(/[^\ud800-\udbff]$/u);
        expect(Buffer.from(chunk, 'utf8').toString('utf8')).toBe(chunk);
      }
    }
  });

  it('cuts a big answer into chunks of about CHUNK_CHARS', () => {
    const { chunks } = chunksOf(listing(1000));
    expect(chunks.length).toBeGreaterThan(1_000_000 / CHUNK_CHARS);
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.length).toBeGreaterThanOrEqual(CHUNK_CHARS);
      expect(chunk.length).toBeLessThan(CHUNK_CHARS + 2000);
    }
    const long = chunksOf([straddling(0)]).chunks;
    expect(Math.max(...long.map((chunk) => chunk.length))).toBeLessThan(2 * CHUNK_CHARS);
  });

  it('encodes an array only as its chunks are taken', () => {
    const items = listing(1000) as XmlRpcValue[];
    const result = encodeMethodResponseChunks(items);
    if (!result.ok) {
      throw new Error(result.message);
    }
    const first = result.document.nextChunk() ?? '';
    expect(first.length).toBeLessThan(CHUNK_CHARS + 2000);
    items[999] = 'changed after the first chunk';
    let rest = '';
    for (let chunk = result.document.nextChunk(); chunk !== undefined;) {
      rest += chunk;
      chunk = result.document.nextChunk();
    }
    expect(rest).toContain('changed after the first chunk');
    expect(result.document.nextChunk()).toBeUndefined();
  });

  it.each<[string, unknown]>([
    ['an int above int32', [1, 2147483648]],
    ['undefined deep in a listing', [...(listing(10) as XmlRpcValue[]), { a: [undefined] }]],
    ['a non-integer', { x: 1.5 }],
  ])('refuses %s up front, as encodeMethodResponse does', (_label, value) => {
    const whole = encodeMethodResponse(value as XmlRpcValue);
    expect(whole.ok).toBe(false);
    expect(encodeMethodResponseChunks(value as XmlRpcValue)).toEqual(whole);
  });

  it('refuses a cyclic array', () => {
    const cyclic: XmlRpcValue[] = [];
    cyclic.push(cyclic);
    expect(encodeMethodResponseChunks(cyclic)).toEqual({
      ok: false,
      message: expect.stringMatching(/nested deeper than/),
    });
  });
});

describe('safeCut', () => {
  it('moves a cut inside a surrogate pair to before it', () => {
    expect(safeCut('ab🎉c', 3)).toBe(2);
    expect(safeCut('ab🎉c', 2)).toBe(2);
    expect(safeCut('ab🎉c', 4)).toBe(4);
    expect(safeCut('aé中b', 2)).toBe(2);
  });
});
