// HTTP basic authentication as supervisord checks it: one configured user, password either
// plain or `{SHA}<lowercase hex sha1>`. Comparisons run in constant time.

import { createHash, timingSafeEqual } from 'node:crypto';

import type { HttpAuth } from '../config/types.js';

export type AuthVerdict = 'ok' | 'unauthorized' | 'bad-request';

export const checkBasicAuth = (header: string | undefined, auth: HttpAuth): AuthVerdict => {
  const match = header === undefined ? null : /^\s*(\S+)\s+(.*)$/.exec(header);
  const [, scheme, credentials] = match ?? [];
  if (scheme === undefined || credentials === undefined || scheme.toLowerCase() !== 'basic') {
    return 'unauthorized';
  }
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(
      Buffer.from(credentials.trim(), 'base64'),
    );
  } catch {
    return 'bad-request';
  }
  const colon = decoded.indexOf(':');
  if (colon < 0) {
    return 'unauthorized';
  }
  const username = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  const userOk = sameText(username, auth.username);
  const passwordOk = auth.password.startsWith('{SHA}')
    ? sameText(sha1Hex(password), auth.password.slice('{SHA}'.length))
    : sameText(password, auth.password);
  return userOk && passwordOk ? 'ok' : 'unauthorized';
};

const sha1Hex = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex');

/** Equal-length digests make the comparison's time independent of where the texts differ. */
const sameText = (a: string, b: string): boolean =>
  timingSafeEqual(
    createHash('sha256').update(a, 'utf8').digest(),
    createHash('sha256').update(b, 'utf8').digest(),
  );
