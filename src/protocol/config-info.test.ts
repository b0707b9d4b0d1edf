import { describe, expect, it } from 'vitest';

import { processConfig, programGroup } from '../../test/fakes/program-config.js';
import { encodeConfigInfo, readConfigInfo } from './config-info.js';

describe('encodeConfigInfo', () => {
  const group = programGroup('web');

  it('has exactly supervisord keys, in its order, with none and auto for what XML-RPC lacks', () => {
    const struct = encodeConfigInfo(group, processConfig('web'), false, undefined);
    expect(Object.keys(struct)).toEqual([
      'autostart',
      'directory',
      'uid',
      'command',
      'exitcodes',
      'group',
      'group_prio',
      'inuse',
      'killasgroup',
      'name',
      'process_prio',
      'redirect_stderr',
      'startretries',
      'startsecs',
      'stdout_capture_maxbytes',
      'stdout_events_enabled',
      'stdout_logfile',
      'stdout_logfile_backups',
      'stdout_logfile_maxbytes',
      'stdout_syslog',
      'stopsignal',
      'stopwaitsecs',
      'stderr_capture_maxbytes',
      'stderr_events_enabled',
      'stderr_logfile',
      'stderr_logfile_backups',
      'stderr_logfile_maxbytes',
      'stderr_syslog',
      'serverurl',
    ]);
    expect(struct).toMatchObject({
      directory: 'none',
      uid: 'none',
      serverurl: 'none',
      stdout_logfile: 'auto',
      stderr_logfile: 'auto',
      stopsignal: 15,
      inuse: false,
    });
  });

  it('reports the real AUTO names of a group running from this config', () => {
    const struct = encodeConfigInfo(group, processConfig('web'), true, {
      stdout: '/l/web-stdout---x-abc.log',
      stderr: null,
    });
    expect(struct).toMatchObject({
      stdout_logfile: '/l/web-stdout---x-abc.log',
      stderr_logfile: 'none',
    });
  });

  it('has no stderr log with redirect_stderr, and numbers for user, signal and seconds', () => {
    const struct = encodeConfigInfo(
      group,
      processConfig('web', {
        redirectStderr: true,
        stderr: { ...processConfig('web').stderr, logfile: { kind: 'path', path: '/x.log' } },
        user: { name: 'nobody', uid: 65534, gid: 65534 },
        stopSignal: 'INT',
        startMs: 3000,
        stopWaitMs: 20_000,
        serverUrl: 'unix:///tmp/s.sock',
        directory: '/srv',
      }),
      true,
      undefined,
    );
    expect(struct).toMatchObject({
      stderr_logfile: 'none',
      uid: 65534,
      stopsignal: 2,
      startsecs: 3,
      stopwaitsecs: 20,
      serverurl: 'unix:///tmp/s.sock',
      directory: '/srv',
    });
  });
});

describe('readConfigInfo', () => {
  const essential = {
    name: 'web',
    group: 'web',
    inuse: 1,
    autostart: true,
    group_prio: 999,
    process_prio: 999,
  };

  it('needs only what avail shows, and reads Python’s int booleans', () => {
    expect(readConfigInfo('getAllConfigInfo', essential)).toEqual({ ...essential, inuse: true });
  });

  it('checks the type of whatever else is sent', () => {
    expect(() => readConfigInfo('getAllConfigInfo', { ...essential, exitcodes: ['0'] })).toThrow(
      'field exitcodes is not an array of ints',
    );
    expect(readConfigInfo('getAllConfigInfo', { ...essential, uid: 'none' })).toMatchObject({
      uid: 'none',
    });
  });
});
