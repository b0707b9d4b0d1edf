// The envelope written to a listener's stdin (spec §7.2): one header line of key:value tokens,
// then the payload. `len` counts code points, not bytes, as supervisord's Python str len does.

export interface EnvelopeFields {
  /** [supervisord] identifier */
  readonly server: string;
  readonly serial: number;
  readonly pool: string;
  readonly poolSerial: number;
  readonly eventName: string;
  readonly payload: string;
}

/**
 * Unicode code points: what Python's len() of the decoded payload is, and what a listener that
 * reads its stdin as UTF-8 text (supervisor.childutils) reads. Equal to the byte count for ASCII.
 */
export const codePointLength = (text: string): number => {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
      }
    }
    count++;
  }
  return count;
};

const headerLine = (f: EnvelopeFields, len: number): string =>
  `ver:3.0 server:${f.server} serial:${f.serial} pool:${f.pool} poolserial:${f.poolSerial} ` +
  `eventname:${f.eventName} len:${len}\n`;

export const envelopeText = (f: EnvelopeFields): string =>
  headerLine(f, codePointLength(f.payload)) + f.payload;

/**
 * The bytes written to the listener. The payload is encoded once; when it is ASCII (as many
 * UTF-8 bytes as UTF-16 units, the usual case for log output) its length is the code point count,
 * so a busy PROCESS_LOG stream is not walked character by character.
 */
export const encodeEnvelope = (fields: EnvelopeFields): Buffer => {
  const body = Buffer.from(fields.payload, 'utf8');
  const len = body.length === fields.payload.length ? body.length : codePointLength(fields.payload);
  return Buffer.concat([Buffer.from(headerLine(fields, len), 'utf8'), body]);
};
