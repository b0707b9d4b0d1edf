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
