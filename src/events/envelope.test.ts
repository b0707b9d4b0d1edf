import { describe, expect, it } from 'vitest';

import { codePointLength, encodeEnvelope, envelopeText } from './envelope.js';

const fields = {
  server: 'supervisor',
  serial: 7,
  pool: 'crashmail',
  poolSerial: 3,
  eventName: 'PROCESS_STATE_EXITED',
};

describe('the envelope', () => {
  it('is one header line of tokens in supervisord order, then the payload', () => {
    const payload = 'processname:web groupname:web from_state:RUNNING expected:0 pid:4242';
    expect(envelopeText({ ...fields, payload })).toBe(
      'ver:3.0 server:supervisor serial:7 pool:crashmail poolserial:3 ' +
        `eventname:PROCESS_STATE_EXITED len:${payload.length}\n${payload}`,
    );
  });

  it('has len:0 and nothing after the newline for an empty payload', () => {
    expect(
      envelopeText({ ...fields, eventName: 'SUPERVISOR_STATE_CHANGE_RUNNING', payload: '' }),
    ).toBe(
      'ver:3.0 server:supervisor serial:7 pool:crashmail poolserial:3 ' +
        'eventname:SUPERVISOR_STATE_CHANGE_RUNNING len:0\n',
    );
  });

  it('counts code points in len while sending UTF-8 bytes (supervisord measured héllo: 61 vs 62)', () => {
    const payload = 'processname:web groupname:web pid:1 channel:stdout\nhéllo';
    const bytes = encodeEnvelope({ ...fields, payload });
    const text = Buffer.from(bytes).toString('utf8');
    const [header, body] = [text.slice(0, text.indexOf('\n')), text.slice(text.indexOf('\n') + 1)];
    expect(header).toMatch(/ len:56$/);
    expect(body).toBe(payload);
    expect(Buffer.byteLength(body)).toBe(57);
  });

  it('encodes the same bytes as the envelope text, ASCII or not', () => {
    for (const payload of ['', 'plain ascii\n', 'héllo', 'a😀b', 'a\ud800b', 'x'.repeat(70_000)]) {
      expect(Buffer.from(encodeEnvelope({ ...fields, payload })).toString('utf8')).toBe(
        envelopeText({ ...fields, payload }).replace('\ud800', '\ufffd'),
      );
    }
  });

  it('counts an astral character (one code point, two UTF-16 units, four bytes) once', () => {
    expect(codePointLength('a😀b')).toBe(3);
    expect(codePointLength('✓')).toBe(1);
    expect(codePointLength('')).toBe(0);
  });

  it('counts a lone surrogate as one', () => {
    expect(codePointLength('a\ud800b')).toBe(3);
  });
});
