// The FileWatcher on Node: one non-recursive fs.watch (an inotify watch on Linux) per directory,
// found by an asynchronous walk that skips watch_ignore'd directories and stops at a limit, so a
// big tree costs bounded memory and never blocks the daemon. New directories join as they appear.
// Node 20's own `recursive: true` on Linux walks the tree synchronously and adds one watcher per
// file, ignored ones included (docs/decisions/012-watching-files.md).

import { type FSWatcher, watch } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';

import { type IgnoreTest, watchIgnoreTest } from '../config/watch-ignore.js';
import type {
  FileWatch,
  FileWatcher,
  FileWatchEvents,
  FileWatchRequest,
} from '../ports/file-watcher.js';

/** Directories one watch= of one process may watch; past this the rest is not watched (logged). */
export const MAX_WATCHED_DIRECTORIES = 4096;

const errorText = (error: unknown): string =>
  error instanceof Error && 'code' in error ? String(error.code) : String(error);

class TreeWatch implements FileWatch {
  private readonly dirs = new Map<string, FSWatcher>();
  /** watched files by name, per directory watched for them */
  private readonly files = new Map<string, Set<string>>();
  private readonly ignored: IgnoreTest;
  private full = false;
  private closed = false;

  constructor(
    private readonly request: FileWatchRequest,
    private readonly events: FileWatchEvents,
    private readonly maxDirectories: number,
  ) {
    this.ignored = watchIgnoreTest(request.ignore);
  }

  async start(): Promise<void> {
    for (const path of this.request.paths) {
      try {
        const info = await stat(path);
        if (info.isDirectory()) {
          await this.addTree(path, path);
        } else {
          this.addFile(path);
        }
      } catch (error) {
        this.events.problem(`watch: cannot watch ${path} (${errorText(error)})`);
      }
    }
  }

  close(): void {
    this.closed = true;
    for (const watcher of this.dirs.values()) {
      watcher.close();
    }
    this.dirs.clear();
  }

  /** A single file: its directory is watched, so a save that replaces the file is seen too. */
  private addFile(path: string): void {
    const dir = dirname(path);
    let names = this.files.get(dir);
    if (names === undefined) {
      names = new Set();
      this.files.set(dir, names);
    }
    names.add(basename(path));
    this.watchDir(dir, null);
  }

  private async addTree(dir: string, root: string): Promise<void> {
    if (this.closed || this.dirs.has(dir) || !this.watchDir(dir, root)) {
      return;
    }
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // gone meanwhile, or unreadable: its watcher reports what it can
    }
    for (const entry of entries) {
      // Symbolic links are not followed: a link to a parent would never end.
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !this.ignored(this.relativeTo(root, path))) {
        await this.addTree(path, root);
      }
    }
  }

  /** `root` null: a directory watched only for the files named in `files`. */
  private watchDir(dir: string, root: string | null): boolean {
    const existing = this.dirs.get(dir);
    if (existing !== undefined) {
      return root === null;
    }
    if (this.dirs.size >= this.maxDirectories) {
      if (!this.full) {
        this.full = true;
        this.events.problem(
          `watch: more than ${this.maxDirectories} directories under ${this.request.paths.join(', ')}; the rest is not watched (use watch_ignore)`,
        );
      }
      return false;
    }
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, { persistent: false }, (event, name) =>
        this.changed(dir, root, event, name),
      );
    } catch (error) {
      this.events.problem(`watch: cannot watch ${dir} (${errorText(error)})`);
      return false;
    }
    watcher.on('error', () => this.forget(dir));
    this.dirs.set(dir, watcher);
    return true;
  }

  private changed(dir: string, root: string | null, event: string, name: string | null): void {
    if (this.closed || name === null) {
      return;
    }
    const path = join(dir, name);
    const named = this.files.get(dir);
    const wanted = named?.has(name) === true;
    if (root === null || this.ignored(this.relativeTo(root, path))) {
      if (wanted) {
        this.events.change(path);
      }
      return;
    }
    this.events.change(path);
    if (event === 'rename') {
      void this.renamed(path, root);
    }
  }

  /** Created or removed: a new directory is walked and watched, a removed one forgotten. */
  private async renamed(path: string, root: string): Promise<void> {
    try {
      if ((await stat(path)).isDirectory()) {
        await this.addTree(path, root);
      }
    } catch {
      this.forget(path);
    }
  }

  private forget(dir: string): void {
    for (const [watched, watcher] of this.dirs) {
      if (watched === dir || watched.startsWith(dir + sep)) {
        watcher.close();
        this.dirs.delete(watched);
      }
    }
  }

  private relativeTo(root: string, path: string): string {
    return relative(root, path).split(sep).join('/');
  }
}

export const createNodeFileWatcher = (maxDirectories = MAX_WATCHED_DIRECTORIES): FileWatcher => ({
  watch: (request, events) => {
    const tree = new TreeWatch(request, events, maxDirectories);
    void tree.start();
    return tree;
  },
});
