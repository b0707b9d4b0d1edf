// The real FileSystem port never throws: node:fs's synchronous argument errors become outcomes.

import { describe, expect, it } from 'vitest';

import { NodeFileSystem } from './node-file-system.js';

describe('NodeFileSystem', () => {
  const fs = new NodeFileSystem();

  it('turns a path with a NUL byte into a failed outcome instead of a throw', async () => {
    const bad = '/tmp/tssupervisor-a\u0000b.log';
    const outcomes = await Promise.all([
      fs.openWrite(bad, 'exclusive', 0o600),
      fs.openRead(bad),
      fs.stat(bad),
      fs.unlink(bad),
      fs.rename(bad, `${bad}.1`),
      fs.readDirectory(bad),
    ]);
    for (const outcome of outcomes) {
      expect(outcome.ok).toBe(false);
      expect(outcome.ok ? '' : outcome.error.code).toBe('ERR_INVALID_ARG_VALUE');
    }
  });
});
