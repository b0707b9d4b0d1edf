// The real spawner against real processes: what the engine relies on from the Spawner port.

import { chmodSync, mkdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import type { Readable } from 'node:stream';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { ExitStatus } from '../../src/model/exit-status.js';
import { nodeSpawner } from '../../src/platform/node-spawner.js';
import { WIDE_PIPE_BYTES } from '../../src/platform/output-pipes.js';
import type { ChildHandle, SpawnSpec } from '../../src/ports/spawner.js';
import { PROGRAMS } from '../helpers/daemon-harness.js';
import { isAlive, readPid } from '../helpers/processes.js';
import { makeTempDir, type TempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/wait-for.js';

const spec = (argv: string[], extra: Partial<SpawnSpec> = {}): SpawnSpec => ({
  file: argv[0]!,
  argv,
  cwd: null,
  env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' },
  uid: null,
  gid: null,
  umask: null,
  redirectStderr: false,
  ...extra,
});

const spawnOk = (s: SpawnSpec): ChildHandle => {
  const result = nodeSpawner.spawn(s);
  if (!result.ok) {
    throw new Error(result.message);
  }
  return result.child;
};

const exitOf = (child: ChildHandle): Promise<ExitStatus> =>
  new Promise((resolve) => child.onExit(resolve));

const readBytes = (stream: Readable | null): Promise<Buffer> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = [];
    // A pipe's chunks are lent (views of the reader's shared buffer): keep copies.
    stream?.on('data', (b: Buffer) => chunks.push(Buffer.from(b)));
    stream?.on('end', () => resolve(Buffer.concat(chunks)));
  });

/** Python: write `count` bytes 0..255 repeated to stdout, then stdout's pipe size to stderr. */
const PIPE_SIZE_REPORTER =
  'import fcntl, sys\n' +
  'sys.stdout.buffer.write(bytes(range(256)) * (int(sys.argv[1]) // 256))\n' +
  'sys.stdout.buffer.flush()\n' +
  'sys.stderr.write(str(fcntl.fcntl(1, fcntl.F_GETPIPE_SZ)))\n';

const readAll = (stream: Readable | null): Promise<string> =>
  new Promise((resolve) => {
    let text = '';
    stream?.on('data', (b: Buffer) => (text += b.toString()));
    stream?.on('end', () => resolve(text));
  });

const bytes256 = (count: number): Uint8Array => {
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    out[i] = i % 256;
  }
  return out;
};

let dir: TempDir;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => dir.remove());

describe('node spawner', () => {
  it('reports exit codes and deaths by signal', async () => {
    const exited = spawnOk(spec([process.execPath, `${PROGRAMS}/exit-with.mjs`, '3']));
    expect(await exitOf(exited)).toEqual({ kind: 'exited', code: 3 });

    const killed = spawnOk(spec([process.execPath, `${PROGRAMS}/forever.mjs`]));
    await readAllFirstLine(killed);
    expect(killed.signal('KILL', false)).toEqual({ kind: 'sent' });
    expect(await exitOf(killed)).toEqual({ kind: 'signalled', signal: 'KILL', coreDumped: false });
    expect(killed.signal('TERM', false)).toEqual({ kind: 'gone' });
  });

  it('runs the child in its own process group, so a group signal reaches grandchildren', async () => {
    const pidFile = dir.join('grandchild.pid');
    const child = spawnOk(spec([process.execPath, `${PROGRAMS}/fork-grandchild.mjs`, pidFile]));
    const grandchild = await waitFor(() => readPid(pidFile), { what: 'grandchild pid' });
    expect(isAlive(grandchild)).toBe(true);
    expect(child.signal('TERM', true).kind).toBe('sent');
    await exitOf(child);
    await waitFor(() => !isAlive(grandchild), { what: 'grandchild to die' });
  });

  it('a signal to the pid alone leaves the grandchild running', async () => {
    const pidFile = dir.join('grandchild.pid');
    const child = spawnOk(spec([process.execPath, `${PROGRAMS}/fork-grandchild.mjs`, pidFile]));
    const grandchild = await waitFor(() => readPid(pidFile), { what: 'grandchild pid' });
    child.signal('KILL', false);
    await exitOf(child);
    expect(isAlive(grandchild)).toBe(true);
    // The grandchild (a shell) has a sleep of its own: kill what is left of the group.
    process.kill(-child.pid, 'SIGKILL');
    await waitFor(() => !isAlive(grandchild), { what: 'grandchild gone' });
  });

  it('redirect_stderr sends both streams down one ordered pipe', async () => {
    const child = spawnOk(
      spec([process.execPath, `${PROGRAMS}/exit-with.mjs`, '0', '0', 'm'], {
        redirectStderr: true,
      }),
    );
    expect(child.stderr).toBeNull();
    expect(await readAll(child.stdout)).toBe('m out\nm err\n');
  });

  it('gives real pipes, so a program can open /dev/stdout and /dev/stderr by path', async () => {
    // nginx's `access_log /dev/stdout` does this; on a socketpair the open fails with ENXIO.
    const script = 'echo out > /dev/stdout; echo err > /dev/stderr; readlink /proc/self/fd/1';
    const child = spawnOk(spec(['/bin/sh', '-c', script]));
    const [out, err, status] = await Promise.all([
      readAll(child.stdout),
      readAll(child.stderr),
      exitOf(child),
    ]);
    expect(status).toEqual({ kind: 'exited', code: 0 });
    expect(out).toMatch(/^out\npipe:\[\d+\]\n$/);
    expect(err).toBe('err\n');
  });

  it('redirect_stderr: /dev/stderr opened by path lands in the one pipe, in order', async () => {
    const child = spawnOk(
      spec(['/bin/sh', '-c', 'echo a > /dev/stdout; echo b > /dev/stderr; echo c'], {
        redirectStderr: true,
      }),
    );
    expect(await readAll(child.stdout)).toBe('a\nb\nc\n');
  });

  it('widens a busy output pipe to 1 MiB (when root), a quiet one stays at 64 KiB, no byte lost', async () => {
    const run = async (bytes: number): Promise<{ out: Buffer; size: number }> => {
      const child = spawnOk(spec(['python3', '-c', PIPE_SIZE_REPORTER, String(bytes)]));
      const [out, err, status] = await Promise.all([
        readBytes(child.stdout),
        readAll(child.stderr),
        exitOf(child),
      ]);
      expect(status).toEqual({ kind: 'exited', code: 0 });
      return { out, size: Number(err) };
    };
    const loud = await run(8 * 1024 * 1024);
    expect(loud.out.equals(Buffer.from(bytes256(8 * 1024 * 1024)))).toBe(true);
    // An unprivileged daemon leaves pipe sizes alone (the kernel's per-user pipe budget).
    expect(loud.size).toBe(process.getuid?.() === 0 ? WIDE_PIPE_BYTES : 64 * 1024);
    const quiet = await run(256);
    expect(quiet.out.equals(Buffer.from(bytes256(256)))).toBe(true);
    expect(quiet.size).toBe(64 * 1024);
  });

  it('keeps what a child wrote before anyone listened to its output', async () => {
    const child = spawnOk(spec(['/bin/sh', '-c', 'echo early; echo late >&2']));
    await exitOf(child);
    // The pipes are read only once a listener is there; the bytes wait in the pipe till then.
    const [out, err] = await Promise.all([readBytes(child.stdout), readAll(child.stderr)]);
    expect(out.toString()).toBe('early\n');
    expect(err).toBe('late\n');
  });

  it("keeps a child's pipes out of the children spawned after it", async () => {
    const first = spawnOk(spec(['/bin/sh', '-c', 'sleep 5']));
    const firstPipes = [1, 2].map((fd) => readlinkSync(`/proc/${first.pid}/fd/${fd}`));
    expect(firstPipes[0]).toMatch(/^pipe:/);
    const list = 'for f in /proc/$$/fd/*; do readlink "$f"; done';
    const second = spawnOk(spec(['/bin/sh', '-c', list]));
    const links = (await readAll(second.stdout)).split('\n');
    // The daemon's read ends are close-on-exec: no later child holds the first's pipes open.
    expect(links.filter((l) => firstPipes.includes(l))).toEqual([]);
    expect(links.filter((l) => l.startsWith('pipe:')).length).toBeGreaterThanOrEqual(2);
    first.signal('KILL', true);
    await exitOf(first);
  });

  it('applies cwd, env and umask', async () => {
    const child = spawnOk(
      spec([process.execPath, `${PROGRAMS}/print-env.mjs`], {
        cwd: dir.path,
        env: { ONLY: 'this' },
        umask: 0o027,
      }),
    );
    const first = await new Promise<string>((resolve) =>
      child.stdout?.once('data', (b: Buffer) => resolve(b.toString())),
    );
    expect(first).toContain('ONLY=this\n');
    expect(first).toContain(`CWD=${dir.path}\n`);
    expect(first).toContain('UMASK=0027\n');
    expect(first).not.toContain('HOME=');
    child.signal('KILL', false);
    await exitOf(child);
  });

  it('reports a missing working directory as a spawn failure in supervisord words', () => {
    const result = nodeSpawner.spawn(spec(['/bin/true'], { cwd: dir.join('nope') }));
    expect(result).toMatchObject({
      ok: false,
      message: `couldn't chdir to ${dir.join('nope')}: ENOENT`,
    });
  });

  it('looks commands up like supervisord', () => {
    mkdirSync(dir.join('adir'));
    writeFileSync(dir.join('noexec'), '#!/bin/sh\n');
    writeFileSync(dir.join('script'), '#!/bin/sh\n');
    chmodSync(dir.join('script'), 0o755);
    expect(nodeSpawner.lookupCommand('sh', '/nonexistent:/bin')).toEqual({
      kind: 'found',
      path: '/bin/sh',
    });
    expect(nodeSpawner.lookupCommand('script', dir.path)).toEqual({
      kind: 'found',
      path: dir.join('script'),
    });
    expect(nodeSpawner.lookupCommand('nope-xyz', '/bin')).toEqual({
      kind: 'not-found',
      file: 'nope-xyz',
    });
    expect(nodeSpawner.lookupCommand(dir.join('adir'), '')).toEqual({
      kind: 'is-directory',
      file: dir.join('adir'),
    });
    expect(nodeSpawner.lookupCommand(dir.join('noexec'), '')).toEqual({
      kind: 'not-executable',
      file: dir.join('noexec'),
    });
    expect(readFileSync(dir.join('script'), 'utf8')).toContain('sh');
  });
});

const readAllFirstLine = (child: ChildHandle): Promise<void> =>
  new Promise((resolve) => child.stdout?.once('data', () => resolve()));
