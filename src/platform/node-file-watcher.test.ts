// The real FileWatcher on a real temp directory: nested changes, a watched single file replaced
// by a rename, new directories, ignored trees left unwatched, and the directory limit.

import { mkdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import { makeTempDir, type TempDir } from '../../test/helpers/temp-dir.js';
import { waitFor } from '../../test/helpers/wait-for.js';
import type { FileWatch } from '../ports/file-watcher.js';
import { createNodeFileWatcher } from './node-file-watcher.js';

describe('node file watcher', () => {
  let dir: TempDir;
  let watch: FileWatch | null = null;
  afterEach(() => {
    watch?.close();
    dir.remove();
  });

  const start = (paths: string[], ignore: string[] = [], max?: number) => {
    const changes: string[] = [];
    const problems: string[] = [];
    watch = createNodeFileWatcher(max).watch(
      { paths, ignore },
      { change: (p) => changes.push(p), problem: (m) => problems.push(m) },
    );
    return { changes, problems };
  };

  /** Touch `marker` until the watch reports it: the walk is asynchronous. */
  const ready = async (changes: string[], marker: string): Promise<void> => {
    await waitFor(
      () => {
        writeFileSync(marker, String(Math.random()));
        return changes.includes(marker);
      },
      { what: `a change of ${marker}` },
    );
    changes.length = 0;
  };

  it('reports a change deep in a watched tree, and in a directory created later', async () => {
    dir = makeTempDir();
    mkdirSync(dir.join('src/pkg/sub'), { recursive: true });
    writeFileSync(dir.join('src/pkg/sub/mod.py'), 'x');
    const { changes } = start([dir.join('src')]);
    await ready(changes, dir.join('src/pkg/sub/marker'));
    const when = new Date();
    utimesSync(dir.join('src/pkg/sub/mod.py'), when, when);
    await waitFor(() => changes.includes(dir.join('src/pkg/sub/mod.py')), { what: 'touch' });
    mkdirSync(dir.join('src/new'));
    await ready(changes, dir.join('src/new/file.py'));
  });

  it('leaves ignored names unreported and ignored directories unwatched', async () => {
    dir = makeTempDir();
    mkdirSync(dir.join('app/src'), { recursive: true });
    for (let i = 0; i < 10; i++) {
      mkdirSync(dir.join(`app/node_modules/m${i}`), { recursive: true });
    }
    // app and app/src: two directories; node_modules' eleven would pass the limit of three.
    const { changes, problems } = start([dir.join('app')], ['node_modules', '*.pyc'], 3);
    await ready(changes, dir.join('app/src/marker'));
    writeFileSync(dir.join('app/src/x.pyc'), 'x');
    writeFileSync(dir.join('app/node_modules/m1/y.js'), 'x');
    await ready(changes, dir.join('app/src/marker2'));
    expect(changes).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('says so when a tree has more directories than the limit', async () => {
    dir = makeTempDir();
    for (let i = 0; i < 5; i++) {
      mkdirSync(dir.join(`t/d${i}`), { recursive: true });
    }
    const { problems } = start([dir.join('t')], [], 3);
    await waitFor(() => problems.length > 0, { what: 'the limit problem' });
    expect(problems).toEqual([
      `watch: more than 3 directories under ${dir.join('t')}; the rest is not watched (use watch_ignore)`,
    ]);
  });

  it('a watched file saved by rename (as editors do) is reported, its neighbours are not', async () => {
    dir = makeTempDir();
    writeFileSync(dir.join('app.conf'), 'a');
    const { changes } = start([dir.join('app.conf')]);
    await waitFor(
      () => {
        writeFileSync(dir.join('app.conf.tmp'), 'b');
        renameSync(dir.join('app.conf.tmp'), dir.join('app.conf'));
        return changes.includes(dir.join('app.conf'));
      },
      { what: 'the renamed file' },
    );
    expect(changes.every((c) => c === dir.join('app.conf'))).toBe(true);
  });

  it('reports a missing path as a problem', async () => {
    dir = makeTempDir();
    const { problems } = start([dir.join('nope')]);
    await waitFor(() => problems.length > 0, { what: 'a problem' });
    expect(problems).toEqual([`watch: cannot watch ${dir.join('nope')} (ENOENT)`]);
    rmSync(dir.join('nope'), { force: true });
  });
});
