import { createHash } from 'node:crypto';

import { expect, it } from 'vitest';

import { checkBasicAuth } from './http-auth.js';

const basic = (credentials: string): string =>
  `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`;
const sha = (text: string): string => `{SHA}${createHash('sha1').update(text).digest('hex')}`;

it.each<[string, string | undefined, string, string]>([
  ['right plain password', basic('user:pass'), 'pass', 'ok'],
  ['right password with a colon', basic('user:pa:ss'), 'pa:ss', 'ok'],
  ['right SHA password', basic('user:pass'), sha('pass'), 'ok'],
  ['unicode password', basic('user:pässwörd'), sha('pässwörd'), 'ok'],
  ['scheme in any case', basic('user:pass').replace('Basic', 'bAsIc'), 'pass', 'ok'],
  ['wrong password', basic('user:nope'), 'pass', 'unauthorized'],
  ['wrong user', basic('admin:pass'), 'pass', 'unauthorized'],
  ['the SHA text itself as password', basic(`user:${sha('pass')}`), sha('pass'), 'unauthorized'],
  [
    'upper-case hex is not the same (as supervisord)',
    basic('user:pass'),
    sha('pass').toUpperCase().replace('{SHA}', '{SHA}'),
    'unauthorized',
  ],
  ['no header', undefined, 'pass', 'unauthorized'],
  ['other scheme', 'Digest abc', 'pass', 'unauthorized'],
  ['scheme only', 'Basic', 'pass', 'unauthorized'],
  ['no colon', basic('userpass'), 'pass', 'unauthorized'],
  [
    'credentials not UTF-8',
    `Basic ${Buffer.from([0x75, 0x3a, 0xff]).toString('base64')}`,
    'pass',
    'bad-request',
  ],
])('%s → %s', (_label, header, password, verdict) => {
  expect(checkBasicAuth(header, { username: 'user', password })).toBe(verdict);
});
