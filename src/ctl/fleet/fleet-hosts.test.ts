import { describe, expect, it } from 'vitest';

import type { CtlLoadResult } from '../../config/load.js';
import type { FleetHostConfig } from '../../config/types.js';
import { parseCommandLine, type CliOptions } from '../cli-options.js';
import { resolveSettings } from '../settings.js';
import { buildFleet } from './fleet-hosts.js';

const NONE = { username: null, password: null };
const entry = (url: string, name: string | null = null) => ({ name, url, ...NONE });

describe('buildFleet', () => {
  it('names hosts after their URLs, adding the port only where two would clash', () => {
    const built = buildFleet(
      [
        entry('unix:///run/web1.sock'),
        entry('http://127.0.0.1:9001'),
        entry('http://127.0.0.1:9002'),
        entry('http://[::1]:9001'),
        entry('http://db.example'),
      ],
      NONE,
    );
    expect(built.ok && built.hosts.map((h) => h.name)).toEqual([
      'web1',
      '127.0.0.1-9001',
      '127.0.0.1-9002',
      '1',
      'db.example',
    ]);
  });

  it('takes credentials from the URL, then the host, then the shared ones', () => {
    const built = buildFleet(
      [
        entry('http://ops:p%40ss@a:9001', 'a'),
        { name: 'b', url: 'http://b:9001', username: 'bee', password: 'pw' },
        entry('unix:///c.sock', 'c'),
      ],
      { username: 'shared', password: 'secret' },
    );
    expect(built.ok && built.hosts.map((h) => h.target)).toEqual([
      { serverUrl: 'http://a:9001', username: 'ops', password: 'p@ss' },
      { serverUrl: 'http://b:9001', username: 'bee', password: 'pw' },
      { serverUrl: 'unix:///c.sock', username: 'shared', password: 'secret' },
    ]);
  });

  it.each([
    [
      [entry('unix:///a/web.sock'), entry('unix:///b/web.sock')],
      "two servers are called 'web': give each its own name (-s NAME=URL)",
    ],
    [[entry('unix:///a.sock', 'x'), entry('unix:///b.sock', 'x')], "two servers are called 'x'"],
    [[entry('unix:///a.sock', 'all')], "'all' means every process"],
    [[entry('unix:///run/.sock')], 'cannot name the server unix:///run/.sock after its URL'],
  ])('refuses a fleet it cannot name: %j', (entries, message) => {
    const built = buildFleet(entries, NONE);
    expect(built.ok ? '' : built.message).toContain(message);
  });
});

const file = (fleet: readonly FleetHostConfig[]): CtlLoadResult => ({
  ok: true,
  file: '/etc/s.conf',
  config: {
    serverUrl: 'unix:///run/local.sock',
    username: 'u',
    password: 'p',
    prompt: 'supervisor',
    historyFile: null,
    fleet,
  },
});

const WEB = { name: 'web', serverUrl: 'unix:///run/web.sock', username: null, password: null };
const DB = { name: 'db', serverUrl: 'http://db:9001', username: 'd', password: 'dp' };

const settingsFor = (argv: readonly string[], fleet: readonly FleetHostConfig[] = [WEB, DB]) => {
  const parsed = parseCommandLine([...argv, 'status']);
  if (parsed.kind !== 'run') {
    throw new Error(JSON.stringify(parsed));
  }
  const options: CliOptions = parsed.options;
  return resolveSettings(options, {
    findConfigFile: () => '/etc/s.conf',
    loadConfig: () => file(fleet),
  });
};

describe('choosing between one server and a fleet', () => {
  it('uses the [supervisorctl:NAME] sections, the shared credentials where a host has none', () => {
    expect(settingsFor([])).toMatchObject({
      ok: true,
      settings: {
        fleet: [
          {
            name: 'web',
            target: { serverUrl: 'unix:///run/web.sock', username: 'u', password: 'p' },
          },
          { name: 'db', target: { serverUrl: 'http://db:9001', username: 'd', password: 'dp' } },
        ],
      },
    });
  });

  it('is one server without sections, or with one plain -s (as supervisorctl)', () => {
    expect(settingsFor([], [])).toMatchObject({
      settings: { fleet: null, target: { serverUrl: 'unix:///run/local.sock' } },
    });
    expect(settingsFor(['-s', 'http://h:1'])).toMatchObject({
      settings: { fleet: null, target: { serverUrl: 'http://h:1', username: 'u' } },
    });
  });

  it('makes a fleet of several -s, or of one NAME=URL, with -u/-p shared', () => {
    expect(
      settingsFor(['-s', 'a=unix:///a.sock', '-s', 'http://b:2', '-u', 'me', '-p', 'pw']),
    ).toMatchObject({
      settings: {
        fleet: [
          { name: 'a', target: { serverUrl: 'unix:///a.sock', username: 'me', password: 'pw' } },
          { name: 'b', target: { serverUrl: 'http://b:2', username: 'me', password: 'pw' } },
        ],
      },
    });
    expect(settingsFor(['-s', 'solo=http://h:1'], [])).toMatchObject({
      settings: { fleet: [{ name: 'solo' }] },
    });
  });

  it('picks one host with --host, which then behaves as one server', () => {
    expect(settingsFor(['--host', 'db'])).toMatchObject({
      settings: {
        fleet: null,
        target: { serverUrl: 'http://db:9001', username: 'd', password: 'dp' },
      },
    });
    expect(settingsFor(['--host', 'nope'])).toEqual({
      ok: false,
      message: '--host nope: no such host (the fleet has web, db)',
    });
    expect(settingsFor(['--host', 'db'], [])).toMatchObject({
      ok: false,
      message: expect.stringContaining('there is no fleet') as unknown,
    });
  });

  it('refuses -s NAME=URL whose URL is not one, as -s does', () => {
    expect(parseCommandLine(['-s', 'a=foo'])).toEqual({
      kind: 'usage-error',
      message: "invalid value for -s 'a=foo': value 'a=foo' is not a URL",
    });
  });
});
