// The file-watcher port: tell me when something under these paths changes (watch=). The real one
// is platform/node-file-watcher.ts (inotify through fs.watch, one per directory); tests fake it.

export interface FileWatchRequest {
  /** absolute paths: a file, or a directory with everything below it */
  readonly paths: readonly string[];
  /** watch_ignore globs (config/watch-ignore.ts): matching changes do not count, matching directories are not entered */
  readonly ignore: readonly string[];
}

export interface FileWatchEvents {
  /** something at `path` (absolute) was created, changed, renamed or removed */
  change(path: string): void;
  /** what could not be watched, for the main log (a missing path, too many directories) */
  problem(message: string): void;
}

export interface FileWatch {
  close(): void;
}

export interface FileWatcher {
  watch(request: FileWatchRequest, events: FileWatchEvents): FileWatch;
}
