import { describe, expect, it } from 'vitest';

import { parseForm, splitTarget } from './form.js';

describe('parseForm', () => {
  it('takes the first value of a query key and drops empty ones, as parse_qs does', () => {
    const form = parseForm('action=stop&action=start&processname=&message=a+b%3Ac', '');
    expect([...form]).toEqual([
      ['action', 'stop'],
      ['message', 'a b:c'],
    ]);
  });

  it('lets a POSTed body override the query, its last value winning', () => {
    const form = parseForm('action=refresh&processname=x', 'action=stop&action=start&processname=');
    expect(Object.fromEntries(form)).toEqual({ action: 'start', processname: 'x' });
  });
});

describe('splitTarget', () => {
  it.each([
    ['/index.html?action=refresh', '/index.html', 'action=refresh'],
    ['/', '/', ''],
    ['/tail.html?processname=a#end', '/tail.html', 'processname=a'],
    ['/?a=1?b=2', '/', 'a=1?b=2'],
  ])('%s', (target, path, query) => {
    expect(splitTarget(target)).toEqual({ path, query });
  });
});
