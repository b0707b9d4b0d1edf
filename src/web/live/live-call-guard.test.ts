import { describe, expect, it } from 'vitest';

import { judgeLiveCall } from './live-call-guard.js';

describe('a call to the live UI endpoint', () => {
  it('runs when the UI header is there and the browser says it is our own page', () => {
    expect(judgeLiveCall({ 'x-tssupervisor-ui': '1', 'sec-fetch-site': 'same-origin' })).toEqual({
      allowed: true,
    });
    expect(
      judgeLiveCall({ 'x-tssupervisor-ui': '1', host: 'h:9001', origin: 'http://h:9001' }),
    ).toEqual({ allowed: true });
  });

  it('is refused without the header, whatever else it says (a form post)', () => {
    const verdict = judgeLiveCall({ 'sec-fetch-site': 'same-origin' });
    expect(verdict).toEqual({
      allowed: false,
      reason: "the request lacks the live UI's X-Tssupervisor-UI header",
    });
    expect(judgeLiveCall({ 'x-tssupervisor-ui': 'yes' }).allowed).toBe(false);
  });

  it('is refused from another site even with the header', () => {
    expect(
      judgeLiveCall({ 'x-tssupervisor-ui': '1', 'sec-fetch-site': 'cross-site' }).allowed,
    ).toBe(false);
    expect(
      judgeLiveCall({ 'x-tssupervisor-ui': '1', host: 'h:9001', origin: 'http://evil.example' })
        .allowed,
    ).toBe(false);
  });
});
