// An in-memory FileSystem for unit tests: inodes with POSIX rename/unlink semantics (an open file
// keeps writing to its inode after a rename), devices, injectable failures and write gates.

import { posix } from 'node:path';

import type {
  FileStat,
  FileSystem,
  FsError,
  FsOutcome,
  ReadableFile,
  WritableFile,
  WriteMode,
} from '../../../src/ports/file-system.js';

export type MemoryOperation = 'stat' | 'open' | 'read' | 'write' | 'rename' | 'unlink' | 'readdir';

interface Inode {
  readonly kind: 'file' | 'other';
  chunks: Uint8Array[];
  size: number;
  permissions: number;
}

const ok = <T>(value: T): FsOutcome<T> => ({ ok: true, value });
const fail = <T>(code: string, path: string): FsOutcome<T> => ({
  ok: false,
  error: { code, message: `${code}: memory fs, '${path}'` },
});

export class MemoryFileSystem implements FileSystem {
  private readonly entries = new Map<string, Inode>();
  private readonly directories = new Set<string>(['/']);
  /** Return an errno code to make an operation fail. */
  failure: (operation: MemoryOperation, path: string) => string | null = () => null;
  /** Awaited before every write completes: lets a test hold writes back (a slow disk). */
  writeGate: () => Promise<void> = () => Promise.resolve();
  /**
   * Regular files offer writeNow (as local files do on the real file system); it runs this hook
   * first (a test advances its clock there to make a write slow) and writes at most `limit`
   * bytes (a short write).
   */
  direct: { readonly before?: () => void; readonly limit?: number } | null = null;
  readonly log: string[] = [];
  writeCalls = 0;
  directWrites = 0;
  openFiles = 0;

  mkdir(path: string): void {
    this.directories.add(path);
  }

  addDevice(path: string): void {
    this.directories.add(posix.dirname(path));
    this.entries.set(path, { kind: 'other', chunks: [], size: 0, permissions: 0o666 });
  }

  writeFile(path: string, content: string | Uint8Array): void {
    const data = typeof content === 'string' ? Buffer.from(content) : content;
    this.entries.set(path, { kind: 'file', chunks: [data], size: data.length, permissions: 0o644 });
  }

  exists(path: string): boolean {
    return this.entries.has(path);
  }

  text(path: string): string {
    const inode = this.entries.get(path);
    return inode === undefined ? '' : Buffer.concat(inode.chunks).toString();
  }

  permissionsOf(path: string): number | null {
    return this.entries.get(path)?.permissions ?? null;
  }

  names(): string[] {
    return [...this.entries.keys()].sort();
  }

  private check(operation: MemoryOperation, path: string): FsError | null {
    const code = this.failure(operation, path);
    return code === null ? null : { code, message: `${code}: injected, '${path}'` };
  }

  stat(path: string): Promise<FsOutcome<FileStat>> {
    const injected = this.check('stat', path);
    if (injected !== null) {
      return Promise.resolve({ ok: false, error: injected });
    }
    if (this.directories.has(path)) {
      return Promise.resolve(ok({ kind: 'directory', size: 0 }));
    }
    const inode = this.entries.get(path);
    return Promise.resolve(
      inode === undefined ? fail('ENOENT', path) : ok({ kind: inode.kind, size: inode.size }),
    );
  }

  openWrite(path: string, mode: WriteMode, permissions: number): Promise<FsOutcome<WritableFile>> {
    this.log.push(`open ${mode} ${path}`);
    const injected = this.check('open', path);
    if (injected !== null) {
      return Promise.resolve({ ok: false, error: injected });
    }
    if (!this.directories.has(posix.dirname(path))) {
      return Promise.resolve(fail('ENOENT', path));
    }
    let inode = this.entries.get(path);
    if (inode !== undefined && mode === 'exclusive') {
      return Promise.resolve(fail('EEXIST', path));
    }
    if (inode === undefined) {
      inode = { kind: 'file', chunks: [], size: 0, permissions };
      this.entries.set(path, inode);
    } else if (mode === 'truncate' || mode === 'write') {
      inode.chunks = [];
      inode.size = 0;
    }
    this.openFiles++;
    return Promise.resolve(ok(this.writable(inode, path)));
  }

  private writable(inode: Inode, path: string): WritableFile {
    let open = true;
    const direct = this.direct;
    const writeNow =
      direct === null || inode.kind !== 'file'
        ? null
        : (chunk: Uint8Array): FsOutcome<number> => {
            this.directWrites++;
            direct.before?.();
            const injected = this.check('write', path);
            if (!open || injected !== null) {
              return injected !== null ? { ok: false, error: injected } : fail('EBADF', path);
            }
            const part = chunk.subarray(0, direct.limit ?? chunk.length);
            inode.chunks.push(Uint8Array.from(part));
            inode.size += part.length;
            return ok(part.length);
          };
    return {
      writeNow,
      writev: async (chunks) => {
        this.writeCalls++;
        await this.writeGate();
        const injected = this.check('write', path);
        if (!open) {
          return fail('EBADF', path);
        }
        if (injected !== null) {
          return { ok: false, error: injected };
        }
        let n = 0;
        for (const c of chunks) {
          inode.chunks.push(Uint8Array.from(c));
          n += c.length;
        }
        inode.size += n;
        return ok(n);
      },
      size: () => Promise.resolve(ok(inode.size)),
      close: () => {
        open = false;
        this.openFiles--;
        return Promise.resolve(ok(undefined));
      },
    };
  }

  openRead(path: string): Promise<FsOutcome<ReadableFile>> {
    const injected = this.check('read', path);
    if (injected !== null) {
      return Promise.resolve({ ok: false, error: injected });
    }
    const inode = this.entries.get(path);
    if (inode === undefined) {
      return Promise.resolve(fail('ENOENT', path));
    }
    const file: ReadableFile = {
      size: () => Promise.resolve(ok(inode.size)),
      read: (position, length) =>
        Promise.resolve(ok(Buffer.concat(inode.chunks).subarray(position, position + length))),
      close: () => Promise.resolve(ok(undefined)),
    };
    return Promise.resolve(ok(file));
  }

  rename(from: string, to: string): Promise<FsOutcome<undefined>> {
    this.log.push(`rename ${from} ${to}`);
    const injected = this.check('rename', from);
    if (injected !== null) {
      return Promise.resolve({ ok: false, error: injected });
    }
    const inode = this.entries.get(from);
    if (inode === undefined) {
      return Promise.resolve(fail('ENOENT', from));
    }
    this.entries.delete(from);
    this.entries.set(to, inode);
    return Promise.resolve(ok(undefined));
  }

  unlink(path: string): Promise<FsOutcome<undefined>> {
    this.log.push(`unlink ${path}`);
    const injected = this.check('unlink', path);
    if (injected !== null) {
      return Promise.resolve({ ok: false, error: injected });
    }
    return Promise.resolve(
      this.entries.delete(path) ? ok(undefined) : fail<undefined>('ENOENT', path),
    );
  }

  readDirectory(path: string): Promise<FsOutcome<readonly string[]>> {
    const injected = this.check('readdir', path);
    if (injected !== null) {
      return Promise.resolve({ ok: false, error: injected });
    }
    if (!this.directories.has(path)) {
      return Promise.resolve(fail('ENOENT', path));
    }
    const names = [...this.entries.keys()]
      .filter((p) => posix.dirname(p) === path)
      .map((p) => posix.basename(p));
    return Promise.resolve(ok(names));
  }
}
