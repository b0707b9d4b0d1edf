import { expect, it } from 'vitest';

import type { CtlLoadResult } from '../config/load.js';
import type { CliOptions } from './cli-options.js';
import { resolveSettings } from './settings.js';

const NO_CLI: CliOptions = {
  configuration: null,
  serverUrls: [],
  username: null,
  password: null,
  historyFile: null,
  json: false,
  sequential: false,
  host: null,
};

const fileWith = (config: Partial<Record<string, string | null>>): CtlLoadResult => ({
  ok: true,
  file: '/etc/supervisord.conf',
  config: {
    serverUrl: config['serverUrl'] ?? 'unix:///run/s.sock',
    username: config['username'] ?? null,
    password: config['password'] ?? null,
    prompt: config['prompt'] ?? 'supervisor',
    historyFile: config['historyFile'] ?? null,
    fleet: [],
  },
});

it('uses the defaults without a config file', () => {
  expect(
    resolveSettings(NO_CLI, { findConfigFile: () => undefined, loadConfig: () => fileWith({}) }),
  ).toEqual({
    ok: true,
    settings: {
      target: { serverUrl: 'http://localhost:9001', username: null, password: null },
      prompt: 'supervisor',
      historyFile: null,
      fleet: null,
    },
  });
});

it('reads the found file, and lets the command line win', () => {
  const deps = {
    findConfigFile: () => '/etc/supervisord.conf',
    loadConfig: () => fileWith({ username: 'u', password: 'p', prompt: 'box', historyFile: '/h' }),
  };
  expect(resolveSettings(NO_CLI, deps)).toMatchObject({
    ok: true,
    settings: {
      target: { serverUrl: 'unix:///run/s.sock', username: 'u', password: 'p' },
      prompt: 'box',
      historyFile: '/h',
    },
  });
  expect(
    resolveSettings(
      { ...NO_CLI, serverUrls: ['http://h:1'], password: 'q', historyFile: '/r' },
      deps,
    ),
  ).toMatchObject({
    settings: {
      target: { serverUrl: 'http://h:1', username: 'u', password: 'q' },
      historyFile: '/r',
    },
  });
});

it('reads -c instead of searching, and reports a file it cannot use', () => {
  const loaded: string[] = [];
  const result = resolveSettings(
    { ...NO_CLI, configuration: 'mine.conf' },
    {
      findConfigFile: () => '/etc/supervisord.conf',
      loadConfig: (path) => {
        loaded.push(path);
        return {
          ok: false,
          problem: 'no-section',
          errors: [
            {
              file: path,
              line: null,
              section: null,
              option: null,
              value: null,
              message: '.ini file does not include supervisorctl section',
            },
          ],
        };
      },
    },
  );
  expect(loaded).toEqual(['mine.conf']);
  expect(result).toEqual({
    ok: false,
    message: '.ini file does not include supervisorctl section',
  });
});
