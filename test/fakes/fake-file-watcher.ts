// A FileWatcher whose changes a test makes by hand: change(path) reaches every open watch whose
// paths hold it; closed watches hear nothing.

import type {
  FileWatch,
  FileWatcher,
  FileWatchEvents,
  FileWatchRequest,
} from '../../src/ports/file-watcher.js';

interface OpenWatch {
  readonly request: FileWatchRequest;
  readonly events: FileWatchEvents;
  closed: boolean;
}

export class FakeFileWatcher implements FileWatcher {
  readonly watches: OpenWatch[] = [];

  watch(request: FileWatchRequest, events: FileWatchEvents): FileWatch {
    const entry: OpenWatch = { request, events, closed: false };
    this.watches.push(entry);
    return {
      close: () => {
        entry.closed = true;
      },
    };
  }

  get open(): number {
    return this.watches.filter((w) => !w.closed).length;
  }

  change(path: string): void {
    for (const w of this.watches) {
      if (!w.closed && w.request.paths.some((p) => path === p || path.startsWith(`${p}/`))) {
        w.events.change(path);
      }
    }
  }

  problem(message: string): void {
    for (const w of this.watches.filter((x) => !x.closed)) {
      w.events.problem(message);
    }
  }
}
