import { describe, expect, it } from 'vitest';

import { FakeSpawner } from '../../test/fakes/fake-spawner.js';
import { processConfig } from '../../test/fakes/program-config.js';
import type { CommandLookup } from '../ports/spawner.js';
import {
  childEnvironment,
  describeSpawnFailure,
  planSpawn,
  searchPathFor,
  type SpawnEnvironment,
} from './spawn-spec.js';

const env: SpawnEnvironment = {
  baseEnv: { PATH: '/usr/bin:/bin', HOME: '/root', SUPERVISOR_ENABLED: '0' },
  globalEnv: {},
  serverUrl: 'unix:///run/supervisor.sock',
};

describe('planSpawn', () => {
  it('splits the command and resolves argv[0] on PATH', () => {
    const spawner = new FakeSpawner();
    const config = processConfig('web', {
      command: 'gunicorn -w 2 "app:create_app()"',
      directory: '/srv',
      umask: 0o22,
      user: { name: 'www', uid: 33, gid: 33 },
      redirectStderr: true,
    });
    const plan = planSpawn(config, env, (f, p) => spawner.lookupCommand(f, p));
    expect(spawner.lookups).toEqual([{ file: 'gunicorn', searchPath: '/usr/bin:/bin' }]);
    expect(plan).toMatchObject({
      ok: true,
      spec: {
        file: '/usr/bin/gunicorn',
        argv: ['gunicorn', '-w', '2', 'app:create_app()'],
        cwd: '/srv',
        uid: 33,
        gid: 33,
        umask: 0o22,
        redirectStderr: true,
      },
    });
  });

  it.each<[CommandLookup, string, string]>([
    [{ kind: 'not-found', file: 'nope' }, 'NO_FILE', "can't find command 'nope'"],
    [{ kind: 'is-directory', file: '/srv' }, 'NOT_EXECUTABLE', "command at '/srv' is a directory"],
    [
      { kind: 'not-executable', file: '/etc/passwd' },
      'NOT_EXECUTABLE',
      "command at '/etc/passwd' is not executable",
    ],
    [
      { kind: 'no-permission', file: '/root/x' },
      'NOT_EXECUTABLE',
      "no permission to run command '/root/x'",
    ],
  ])('lookup %j → %s %s', (lookup, fault, message) => {
    expect(planSpawn(processConfig('x', { command: 'x' }), env, () => lookup)).toEqual({
      ok: false,
      fault,
      message,
    });
  });

  it('words unparsable and empty commands as supervisord does', () => {
    const lookup = (): CommandLookup => ({ kind: 'found', path: '/bin/true' });
    expect(planSpawn(processConfig('x', { command: 'echo "hi' }), env, lookup)).toEqual({
      ok: false,
      fault: 'NOT_EXECUTABLE',
      message: `can't parse command 'echo "hi': No closing quotation`,
    });
    expect(planSpawn(processConfig('x', { command: '  ' }), env, lookup)).toEqual({
      ok: false,
      fault: 'NOT_EXECUTABLE',
      message: 'command is empty',
    });
  });
});

describe('searchPathFor', () => {
  it('prefers the program environment, then [supervisord] environment, then our own PATH', () => {
    const p = processConfig('x', { environment: { PATH: '/opt/bin' } });
    expect(searchPathFor(p, env)).toBe('/opt/bin');
    const global = { ...env, globalEnv: { PATH: '/global/bin' } };
    expect(searchPathFor(processConfig('x'), global)).toBe('/global/bin');
    expect(searchPathFor(processConfig('x'), env)).toBe('/usr/bin:/bin');
  });

  it('falls back to /bin:/usr/bin:/usr/local/bin when PATH is unset or empty', () => {
    expect(searchPathFor(processConfig('x'), { ...env, baseEnv: {} })).toBe(
      '/bin:/usr/bin:/usr/local/bin',
    );
    expect(searchPathFor(processConfig('x'), { ...env, baseEnv: { PATH: '' } })).toBe(
      '/bin:/usr/bin:/usr/local/bin',
    );
  });
});

describe('childEnvironment', () => {
  it('adds the SUPERVISOR_* keys, then environment= overrides anything', () => {
    const config = processConfig('web_1', {
      groupName: 'web',
      environment: { SUPERVISOR_SERVER_URL: 'http://mine', A: 'program' },
    });
    expect(childEnvironment(config, { ...env, globalEnv: { A: 'global', B: 'global' } })).toEqual({
      PATH: '/usr/bin:/bin',
      HOME: '/root',
      SUPERVISOR_ENABLED: '1',
      SUPERVISOR_SERVER_URL: 'http://mine',
      SUPERVISOR_PROCESS_NAME: 'web_1',
      SUPERVISOR_GROUP_NAME: 'web',
      A: 'program',
      B: 'global',
    });
  });

  it('uses the program serverurl first and leaves the key out when none is known', () => {
    const own = processConfig('x', { serverUrl: 'http://localhost:9001' });
    expect(childEnvironment(own, env)['SUPERVISOR_SERVER_URL']).toBe('http://localhost:9001');
    expect(childEnvironment(processConfig('x'), { ...env, serverUrl: null })).not.toHaveProperty(
      'SUPERVISOR_SERVER_URL',
    );
  });
});

describe('describeSpawnFailure', () => {
  it.each([
    ['EMFILE', "too many open files to spawn 'web'"],
    ['EAGAIN', "Too many processes in process table to spawn 'web'"],
    ['ENOMEM', "unknown error during fork for 'web': ENOMEM"],
    ['ESPAWN', "couldn't chdir to /nope: ENOENT"],
  ])('%s', (errno, text) => {
    expect(describeSpawnFailure('web', errno, "couldn't chdir to /nope: ENOENT")).toBe(text);
  });
});
