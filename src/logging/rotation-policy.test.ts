import { describe, expect, it } from 'vitest';

import {
  batchLimit,
  isSpecialPath,
  planOpen,
  rotationRenames,
  shouldRotate,
} from './rotation-policy.js';

describe('rotationRenames', () => {
  it('shifts every backup up by one, then moves the file to .1', () => {
    expect(rotationRenames('/l/x.log', 3)).toEqual([
      ['/l/x.log.2', '/l/x.log.3'],
      ['/l/x.log.1', '/l/x.log.2'],
      ['/l/x.log', '/l/x.log.1'],
    ]);
  });

  it('with one backup only moves the file', () => {
    expect(rotationRenames('x.log', 1)).toEqual([['x.log', 'x.log.1']]);
  });

  it('with no backups renames nothing (the file is truncated instead)', () => {
    expect(rotationRenames('x.log', 0)).toEqual([]);
  });
});

describe('planOpen', () => {
  it('appends to regular files and new files, and rotates them', () => {
    expect(planOpen('/l/x.log', null, 'append')).toEqual({ mode: 'append', rotatable: true });
    expect(planOpen('/l/x.log', { kind: 'file', size: 3 }, 'truncate')).toEqual({
      mode: 'truncate',
      rotatable: true,
    });
  });

  it('writes devices and pipes in write mode and never rotates them', () => {
    expect(planOpen('/dev/stdout', { kind: 'other', size: 0 }, 'append')).toEqual({
      mode: 'write',
      rotatable: false,
    });
    expect(planOpen('/tmp/fifo', { kind: 'other', size: 0 }, 'append')).toEqual({
      mode: 'write',
      rotatable: false,
    });
  });

  it('appends to /dev/stdout when it is a regular file, without rotating it', () => {
    expect(planOpen('/dev/stdout', { kind: 'file', size: 10 }, 'truncate')).toEqual({
      mode: 'append',
      rotatable: false,
    });
  });

  it('knows the special paths', () => {
    expect(isSpecialPath('/dev/stderr')).toBe(true);
    expect(isSpecialPath('/proc/self/fd/1')).toBe(true);
    expect(isSpecialPath('/var/log/dev/x.log')).toBe(false);
  });
});

describe('shouldRotate and batchLimit', () => {
  it('rotates at or past maxBytes, never with 0', () => {
    expect(shouldRotate(99, 100)).toBe(false);
    expect(shouldRotate(100, 100)).toBe(true);
    expect(shouldRotate(1e12, 0)).toBe(false);
  });

  it('limits a batch to what is left before maxBytes', () => {
    expect(batchLimit(30, 100, true)).toBe(70);
    expect(batchLimit(30, 0, true)).toBe(Number.POSITIVE_INFINITY);
    expect(batchLimit(30, 100, false)).toBe(Number.POSITIVE_INFINITY);
  });
});
