// Our readiness/liveness/depends_on/restart pacing options: parsing, defaults, per-process
// expansion, and the whole-config checks (unknown names, cycles) with file and line.

import { describe, expect, it } from 'vitest';

import { errors, MAIN, ok } from '../../test/fakes/config-loading.js';
import { formatConfigError } from './errors.js';
import {
  toDependencies,
  toLivenessProbe,
  toReadinessProbe,
  toSecondsMs,
} from './readiness-values.js';

const HEAD = '[supervisord]\n';

const processes = (text: string) => ok(HEAD + text).groups.flatMap((g) => g.processes);

describe('probe values', () => {
  it.each([
    ['http://127.0.0.1:8000/health', { kind: 'http', url: 'http://127.0.0.1:8000/health' }],
    ['  HTTP://localhost:80 ', { kind: 'http', url: 'http://localhost/' }],
    ['tcp://127.0.0.1:5432', { kind: 'tcp', host: '127.0.0.1', port: 5432 }],
    ['tcp://:6379', { kind: 'tcp', host: '127.0.0.1', port: 6379 }],
    ['tcp://[::1]:8080', { kind: 'tcp', host: '::1', port: 8080 }],
    ['exec: pg_isready -q', { kind: 'exec', command: 'pg_isready -q' }],
    ['log:Listening at: http://\\S+', { kind: 'log', pattern: 'Listening at: http://\\S+' }],
  ])('%s', (raw, expected) => {
    expect(toReadinessProbe(raw)).toEqual(expected);
  });

  it.each([
    ['https://x/health', 'https probes are not supported'],
    ['tcp://db', 'no valid port'],
    ['tcp://db:99999', 'no valid port'],
    ['exec:', 'no command'],
    ['log:(', 'not a valid regular expression'],
    ['curl localhost', 'not a probe'],
    ['http://', 'not a valid URL'],
  ])('refuses %s', (raw, message) => {
    expect(() => toReadinessProbe(raw)).toThrow(message);
  });

  it('refuses log: as a liveness probe', () => {
    expect(() => toLivenessProbe('log:up')).toThrow('only tell readiness');
  });

  it('reads seconds with decimals, refuses the rest', () => {
    expect(toSecondsMs('1.5')).toBe(1500);
    expect(toSecondsMs(' 0 ')).toBe(0);
    expect(() => toSecondsMs('-1')).toThrow('not a number of seconds');
    expect(() => toSecondsMs('1s')).toThrow('not a number of seconds');
  });

  it('reads depends_on lists', () => {
    expect(toDependencies('db, migrate:completed  cache:started')).toEqual([
      { name: 'db', condition: 'ready' },
      { name: 'migrate', condition: 'completed' },
      { name: 'cache', condition: 'started' },
    ]);
    expect(toDependencies('')).toEqual([]);
    expect(() => toDependencies('db:healthy')).toThrow("unknown condition 'healthy'");
    expect(() => toDependencies('db, db')).toThrow("'db' is named twice");
  });
});

describe('[program:x] with our options', () => {
  it('defaults: nothing new happens (supervisord behaviour)', () => {
    const [web] = processes('[program:web]\ncommand=/bin/cat\n');
    expect(web).toMatchObject({
      readiness: null,
      liveness: null,
      dependsOn: [],
      restartPacing: { delayMs: 0, backoffMaxMs: 0, resetMs: 600_000, retryForever: false },
    });
  });

  it('reads probes with their timings; a pool probes one port per process', () => {
    const found = processes(
      [
        '[program:web]',
        'command=/bin/cat',
        'numprocs=2',
        'process_name=web_%(process_num)d',
        'readiness_probe=http://127.0.0.1:%(process_num)d800/health',
        'readiness_period=0.5',
        'readiness_deadline=30',
        'liveness_probe=tcp://127.0.0.1:%(process_num)d800',
        'liveness_failure_threshold=5',
        'restart_delay=2',
        'restart_backoff_max=300',
        'retry_forever=true',
        '',
      ].join('\n'),
    );
    expect(found.map((p) => p.readiness?.probe)).toEqual([
      { kind: 'http', url: 'http://127.0.0.1:800/health' },
      { kind: 'http', url: 'http://127.0.0.1:1800/health' },
    ]);
    expect(found[1]).toMatchObject({
      readiness: {
        initialDelayMs: 0,
        periodMs: 500,
        timeoutMs: 1000,
        successThreshold: 1,
        deadlineMs: 30_000,
      },
      liveness: {
        probe: { kind: 'tcp', host: '127.0.0.1', port: 1800 },
        periodMs: 10_000,
        failureThreshold: 5,
      },
      restartPacing: { delayMs: 2000, backoffMaxMs: 300_000, resetMs: 600_000, retryForever: true },
    });
  });

  it('names file, line and option for a bad probe', () => {
    const [error] = errors(HEAD + '[program:web]\ncommand=/bin/cat\nreadiness_probe=ftp://x\n');
    expect(error).toMatchObject({ file: MAIN, line: 4, option: 'readiness_probe' });
    expect(error?.message).toContain('not a probe');
  });
});

describe('depends_on across the config', () => {
  it('accepts programs and groups', () => {
    const config = ok(
      HEAD +
        [
          '[program:db]\ncommand=/bin/cat',
          '[program:cache]\ncommand=/bin/cat',
          '[group:backend]\nprograms=db,cache',
          '[program:web]\ncommand=/bin/cat\ndepends_on=backend, db:started',
          '',
        ].join('\n'),
    );
    const web = config.groups.find((g) => g.name === 'web')?.processes[0];
    expect(web?.dependsOn.map((d) => [d.name, d.condition])).toEqual([
      ['backend', 'ready'],
      ['db', 'started'],
    ]);
  });

  it('refuses an unknown name, naming file and line', () => {
    const found = errors(HEAD + '[program:web]\ncommand=/bin/cat\ndepends_on=dbx\n');
    expect(found.map(formatConfigError)).toEqual([
      `${MAIN}:4: [program:web] depends_on: depends_on names 'dbx', which is neither a program nor a group`,
    ]);
  });

  it('refuses a cycle and shows it', () => {
    const found = errors(
      HEAD +
        [
          '[program:a]\ncommand=/bin/cat\ndepends_on=b',
          '[program:b]\ncommand=/bin/cat\ndepends_on=c:started',
          '[program:c]\ncommand=/bin/cat\ndepends_on=a',
          '',
        ].join('\n'),
    );
    expect(found.map(formatConfigError)).toEqual([
      `${MAIN}:4: [program:a] depends_on: depends_on makes a cycle: a → b → c → a`,
    ]);
  });

  it('refuses a program that depends on itself', () => {
    const found = errors(HEAD + '[program:a]\ncommand=/bin/cat\ndepends_on=a\n');
    expect(found[0]?.message).toBe('depends_on makes a cycle: a → a');
  });
});
