import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createNodeConfigHost, parseGroups, parsePasswd } from './node-config-host.js';

let root = '';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'tssupervisor-host-'));
  mkdirSync(join(root, 'conf.d/sub'), { recursive: true });
  writeFileSync(join(root, 'main.conf'), '[supervisord]\n');
  writeFileSync(join(root, 'latin1.conf'), Buffer.from([0x23, 0xe9, 0x0a]));
  writeFileSync(join(root, 'conf.d/b.conf'), '');
  writeFileSync(join(root, 'conf.d/a.conf'), '');
  writeFileSync(join(root, 'conf.d/.hidden.conf'), '');
  symlinkSync(join(root, 'conf.d/sub'), join(root, 'linked'));
  symlinkSync(join(root, 'missing'), join(root, 'dangling.conf'));
  writeFileSync(
    join(root, 'passwd'),
    'root:x:0:0:root:/root:/bin/sh\n# comment\nweb:x:1001:1002::/srv/web:/bin/false\nbroken\n',
  );
  writeFileSync(join(root, 'group'), 'root:x:0:\nweb:x:1002:\n');
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('the real config host', () => {
  const host = (): ReturnType<typeof createNodeConfigHost> =>
    createNodeConfigHost({
      cwd: root,
      env: { HOME: '/home/me', TMPDIR: root, UNSET: undefined },
      passwdFile: join(root, 'passwd'),
      groupFile: join(root, 'group'),
    });

  it('reads files as bytes, relative to its cwd, undefined when unreadable', () => {
    expect(Buffer.from(host().readFile('main.conf') ?? [])).toEqual(Buffer.from('[supervisord]\n'));
    expect(host().readFile(join(root, 'nope'))).toBeUndefined();
    expect(host().readFile(join(root, 'conf.d'))).toBeUndefined();
    // Bytes that are not UTF-8 arrive as they are, for the loader to refuse.
    expect([...(host().readFile('latin1.conf') ?? [])]).toEqual([0x23, 0xe9, 0x0a]);
  });

  it('globs like Python: sorted, no dot-files, symlinked dirs followed, dangling links listed', () => {
    expect(host().glob(join(root, 'conf.d/*.conf'))).toEqual([
      join(root, 'conf.d/a.conf'),
      join(root, 'conf.d/b.conf'),
    ]);
    expect(host().glob(join(root, '*/'))).toEqual([join(root, 'conf.d/'), join(root, 'linked/')]);
    expect(host().glob(join(root, 'dangling.conf'))).toEqual([join(root, 'dangling.conf')]);
    expect(host().glob('conf.d/?.conf')).toEqual(['conf.d/a.conf', 'conf.d/b.conf']);
  });

  it('knows directories, the environment and the temp dir', () => {
    const h = host();
    expect(h.isDirectory('conf.d')).toBe(true);
    expect(h.isDirectory('main.conf')).toBe(false);
    expect(h.env).toEqual({ HOME: '/home/me', TMPDIR: root });
    expect(h.tempDir).toBe(root);
    expect(h.cwd).toBe(root);
    expect(h.hostname.length).toBeGreaterThan(0);
    expect(createNodeConfigHost({ env: { TMPDIR: '/does/not/exist' } }).tempDir).toBe('/tmp');
  });

  it('looks users and groups up in passwd and group files', () => {
    const h = host();
    expect(h.lookupUserByName('web')).toEqual({
      name: 'web',
      uid: 1001,
      gid: 1002,
      home: '/srv/web',
    });
    expect(h.lookupUserById(0)?.name).toBe('root');
    expect(h.lookupUserByName('broken')).toBeUndefined();
    expect(h.lookupGroupByName('web')).toBe(1002);
    expect(h.lookupGroupById(0)).toBe(true);
    expect(h.lookupGroupById(77)).toBe(false);
  });

  it('parses passwd and group lines', () => {
    expect(parsePasswd('a:x:1:2')).toEqual([{ name: 'a', uid: 1, gid: 2 }]);
    expect(parsePasswd('a:x:one:2:g:/h:/s')).toEqual([]);
    expect(parseGroups('g:x:5:a,b\n\nbad:x:z:\n')).toEqual([{ name: 'g', gid: 5 }]);
  });
});
