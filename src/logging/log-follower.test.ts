import {
  appendFileSync,
  mkdtempSync,
  renameSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { nodeClock } from '../platform/node-clock.js';
import { NodeFileSystem } from '../platform/node-file-system.js';
import type { LogTail } from '../ports/log-tail.js';
import { createLogFollower, TRUNCATED_NOTICE } from './log-follower.js';

let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tss-follow-'));
  path = join(dir, 'app.log');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const follower = () =>
  createLogFollower({
    fs: new NodeFileSystem(),
    clock: nodeClock,
    processLogPath: (namespec, channel) =>
      namespec === 'app' && channel === 'stdout' ? path : null,
    mainLogPath: () => null,
    pollMs: 5,
  });

/** Collects what a follower yields; `until` resolves once the text so far satisfies it. */
const collect = (tail: LogTail) => {
  const controller = new AbortController();
  let text = '';
  const waiters: { test: (t: string) => boolean; resolve: () => void }[] = [];
  const done = (async () => {
    for await (const chunk of tail.follow(controller.signal)) {
      text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
      for (const w of waiters.filter((w) => w.test(text))) {
        w.resolve();
      }
    }
  })();
  return {
    text: () => text,
    until: (test: (t: string) => boolean) =>
      test(text)
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ test, resolve })),
    stop: async () => {
      controller.abort();
      await done;
    },
  };
};

describe('log follower', () => {
  it('is null for unknown names, unconfigured logs and files not there yet', async () => {
    const source = follower();
    expect(await source.openProcessLog('nope', 'stdout')).toBeNull();
    expect(await source.openProcessLog('app', 'stderr')).toBeNull();
    expect(await source.openProcessLog('app', 'stdout')).toBeNull();
    expect(await source.openMainLog()).toBeNull();
  });

  it('sends the last 1024 bytes, then what is appended, and stops on abort', async () => {
    writeFileSync(path, 'x'.repeat(2000) + 'TAIL');
    const tail = await follower().openProcessLog('app', 'stdout');
    expect(tail).not.toBeNull();
    const got = collect(tail as LogTail);
    await got.until((t) => t.endsWith('TAIL'));
    expect(got.text()).toHaveLength(1024);
    appendFileSync(path, 'more\n');
    await got.until((t) => t.endsWith('more\n'));
    await got.stop();
  });

  it('reads the old file to its end before moving to the rotated one', async () => {
    // A hand-driven clock: the follower only polls again when the test says so.
    const due: (() => void)[] = [];
    const poll = (): void => due.splice(0).forEach((fire) => fire());
    const source = createLogFollower({
      fs: new NodeFileSystem(),
      clock: {
        setTimer: (_ms, fire) => {
          due.push(fire);
          return { cancel: () => undefined };
        },
      },
      processLogPath: () => path,
      mainLogPath: () => null,
    });
    writeFileSync(path, 'a');
    const got = collect((await source.openProcessLog('app', 'stdout')) as LogTail);
    await got.until((t) => t === 'a');
    while (due.length === 0) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    appendFileSync(path, 'b');
    renameSync(path, `${path}.1`);
    writeFileSync(path, 'c');
    poll();
    await got.until((t) => t === 'abc');
    await got.stop();
  });

  it('follows a rotated file from its start and announces truncation', async () => {
    writeFileSync(path, 'first\n');
    const got = collect((await follower().openProcessLog('app', 'stdout')) as LogTail);
    await got.until((t) => t === 'first\n');
    renameSync(path, `${path}.1`);
    writeFileSync(path, 'second\n');
    await got.until((t) => t === 'first\nsecond\n');
    truncateSync(path, 0);
    appendFileSync(path, 'x');
    await got.until((t) => t === `first\nsecond\n${TRUNCATED_NOTICE}x`);
    await got.stop();
  });
});
