import { describe, expect, it } from 'vitest';

import { memoryConfigHost } from '../../test/fakes/memory-config-host.js';
import { loadConfig, loadCtlConfig } from './load.js';

const ctl = (text: string): ReturnType<typeof loadCtlConfig> =>
  loadCtlConfig(
    's.conf',
    memoryConfigHost({ cwd: '/etc', env: { PW: 'secret' }, files: { '/etc/s.conf': text } }),
  );

describe('[supervisorctl:NAME] sections (our fleet)', () => {
  it('reads each host in file order, with unix paths made absolute and ENV_ expansions', () => {
    const loaded = ctl(
      [
        '[supervisorctl]',
        'serverurl=unix:///run/local.sock',
        '[supervisorctl:web1]',
        'serverurl=unix://run/web1.sock',
        '[program:x]',
        'command=cat',
        '[supervisorctl:db]',
        'serverurl=http://db.example:9001',
        'username=ops',
        'password=%(ENV_PW)s',
        '',
      ].join('\n'),
    );
    expect(loaded).toMatchObject({
      ok: true,
      config: {
        serverUrl: 'unix:///run/local.sock',
        fleet: [
          { name: 'web1', serverUrl: 'unix:///etc/run/web1.sock', username: null, password: null },
          {
            name: 'db',
            serverUrl: 'http://db.example:9001',
            username: 'ops',
            password: 'secret',
          },
        ],
      },
    });
  });

  it('is empty without such sections', () => {
    expect(ctl('[supervisorctl]\n')).toMatchObject({ ok: true, config: { fleet: [] } });
  });

  it.each([
    [
      '[supervisorctl:web1]\nusername=u\n',
      "section [supervisorctl:web1] does not specify a serverurl in section 'supervisorctl:web1' (file: 's.conf', line 2)",
    ],
    [
      '[supervisorctl:a:b]\nserverurl=unix:///x\n',
      "host name 'a:b' may hold only letters, digits, '.', '-' and '_' (and must not start with '.' or '-') in section 'supervisorctl:a:b' (file: 's.conf', line 2)",
    ],
    [
      '[supervisorctl:all]\nserverurl=unix:///x\n',
      "'all' means every process; choose another host name in section 'supervisorctl:all' (file: 's.conf', line 2)",
    ],
  ])('refuses a bad host section, naming it: %j', (section, message) => {
    expect(ctl(`[supervisorctl]\n${section}`)).toMatchObject({
      ok: false,
      problem: 'invalid',
      errors: [{ message }],
    });
  });

  it('is known to the daemon: no unknown-section warning, but typos in it are reported', () => {
    const text = [
      '[supervisord]',
      '[supervisorctl:web1]',
      'serverurl=unix:///x',
      'usernme=u',
      '',
    ].join('\n');
    const loaded = loadConfig('/etc/s.conf', memoryConfigHost({ files: { '/etc/s.conf': text } }));
    expect(loaded.ok).toBe(true);
    expect(loaded.ok && loaded.config.unknownNames).toEqual([
      {
        file: '/etc/s.conf',
        line: 4,
        section: 'supervisorctl:web1',
        option: 'usernme',
        suggestion: 'username',
      },
    ]);
  });
});
