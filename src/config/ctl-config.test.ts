import { describe, expect, it } from 'vitest';

import { memoryConfigHost } from '../../test/fakes/memory-config-host.js';
import { loadCtlConfig } from './load.js';

describe('the ctl config', () => {
  const ctl = (text: string): ReturnType<typeof loadCtlConfig> =>
    loadCtlConfig('s.conf', memoryConfigHost({ cwd: '/etc', files: { '/etc/s.conf': text } }));

  it('reads [supervisorctl] only, normalising unix:// and history paths', () => {
    expect(
      ctl(
        '[supervisorctl]\nserverurl=unix://run/../s.sock\nhistory_file=~/.hist\nprompt=p\nusername=u\npassword=x\n',
      ),
    ).toEqual({
      ok: true,
      file: 's.conf',
      config: {
        serverUrl: 'unix:///etc/s.sock',
        historyFile: '/home/app/.hist',
        prompt: 'p',
        username: 'u',
        password: 'x',
        fleet: [],
      },
    });
  });

  it('types its failures', () => {
    expect(ctl('[supervisord]\n')).toMatchObject({
      ok: false,
      problem: 'no-section',
      errors: [{ message: '.ini file does not include supervisorctl section' }],
    });
    expect(ctl('garbage')).toMatchObject({ ok: false, problem: 'parse' });
    expect(loadCtlConfig('/nope.conf', memoryConfigHost())).toMatchObject({
      ok: false,
      problem: 'not-found',
    });
    expect(ctl('[supervisorctl]\nprompt=%(x)s\n')).toMatchObject({ ok: false, problem: 'invalid' });
  });
});

describe('the ctl config with bytes that are not UTF-8', () => {
  it('is refused as a parse problem (exit 2), with the message supervisorctl prints', () => {
    const text = Buffer.concat([Buffer.from('[supervisorctl]\nprompt=x'), Buffer.from([0xff])]);
    expect(
      loadCtlConfig('s.conf', memoryConfigHost({ cwd: '/etc', files: { '/etc/s.conf': text } })),
    ).toMatchObject({
      ok: false,
      problem: 'parse',
      errors: [
        {
          file: 's.conf',
          line: 2,
          section: 'supervisorctl',
          option: 'prompt',
          message: "'utf-8' codec can't decode byte 0xff in position 24: invalid start byte",
        },
      ],
    });
  });
});
