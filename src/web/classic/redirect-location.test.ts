import { describe, expect, it } from 'vitest';

import { redirectLocation } from './redirect-location.js';

describe('redirectLocation', () => {
  it("is supervisord's http://<Host>/?message=<quoted>", () => {
    expect(redirectLocation('127.0.0.1:9001', 'Process grp:web stopped')).toBe(
      'http://127.0.0.1:9001/?message=Process%20grp%3Aweb%20stopped',
    );
    expect(redirectLocation('[::1]:9001', 'x')).toBe('http://[::1]:9001/?message=x');
    expect(redirectLocation('localhost', 'x')).toBe('http://localhost/?message=x');
  });

  it.each([undefined, '', 'evil.example/path', 'a b', 'user@host', 'host:port'])(
    'is relative when the Host is %j',
    (host) => {
      expect(redirectLocation(host, 'x y')).toBe('/?message=x%20y');
    },
  );
});
