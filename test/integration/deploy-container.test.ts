// The container of deploy/docker, without a container runtime: the image's files laid out in a
// temp dir as the Dockerfile's COPY lines place them, its ENTRYPOINT run as PID 1 of a new pid
// namespace (unshare standing in for the runtime) with the host's gunicorn, Flask and nginx (the
// packages the image installs). nginx answers through gunicorn; the HEALTHCHECK command passes
// when every program is up and fails when one is stopped; /healthz and /readyz answer without
// the password, /metrics only with it; the main log and the programs' output are the
// container's; and the
// STOPSIGNAL stops nginx, then gunicorn, and ends the container with 0 and no process left.
// Ports are moved to free ones, since the host's network is shared.

import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  cpSync,
  createReadStream,
  mkdirSync,
  openSync,
  readFileSync,
  type ReadStream,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, join, resolve } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { CTL_BIN, DAEMON_BIN, REPO_ROOT } from '../helpers/daemon-harness.js';
import { copyOf, execForm, readDockerfile } from '../helpers/dockerfile.js';
import { httpGet } from '../helpers/http-get.js';
import {
  pidNamespaceOf,
  pidsInNamespace,
  UNSHARE,
  whyNoPidNamespace,
} from '../helpers/pid-namespace.js';
import { freePort, portIsFree } from '../helpers/ports.js';
import { childrenOf } from '../helpers/processes.js';
import { makeTempDir, type TempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/wait-for.js';

const DOCKERFILE = readDockerfile(readFileSync(`${REPO_ROOT}deploy/docker/Dockerfile`, 'utf8'));
/** The last such instruction: the image's, not the package stage's. */
const instruction = (keyword: string): string =>
  DOCKERFILE.filter((i) => i.keyword === keyword).at(-1)?.rest ?? '';
const PASSWORD = 'test-secret';

let root: TempDir | undefined;
let container: ChildProcess | undefined;
afterEach(async () => {
  if (container !== undefined && container.exitCode === null && container.signalCode === null) {
    // --kill-child: killing unshare kills the namespace's PID 1, and with it the namespace.
    const gone = new Promise((done) => container?.once('exit', done));
    container.kill('SIGKILL');
    await gone;
  }
  container = undefined;
  root?.remove();
  root = undefined;
});

/** The image's files from the build context, where the Dockerfile's COPY lines put them. */
const layOutImage = (dir: TempDir): void => {
  for (const copy of DOCKERFILE.filter((i) => i.keyword === 'COPY').map((i) => copyOf(i.rest))) {
    if (copy.flags.has('from') || copy.sources.includes('.')) {
      continue; // the package stage's tarball: here, the checkout's own build
    }
    for (const source of copy.sources) {
      const from = resolve(REPO_ROOT, source);
      const to = dir.join(copy.destination);
      if (statSync(from).isDirectory()) {
        cpSync(from, to, { recursive: true });
      } else {
        mkdirSync(to, { recursive: true });
        cpSync(from, join(to, basename(source)));
      }
    }
  }
  // RUN mkdir /app/run && chown app:app /app/run
  expect(DOCKERFILE.some((i) => i.keyword === 'RUN' && i.rest.startsWith('mkdir /app/run'))).toBe(
    true,
  );
  mkdirSync(dir.join('/app/run'));
};

/** Replaces `from` by `to` in a file of the laid-out image, which must contain it. */
const movePort = (dir: TempDir, file: string, from: string, to: string): void => {
  const path = dir.join(file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replaceAll(from, to));
};

/** An image path as the host sees it, a command as the host has it. */
const onHost = (dir: TempDir, argv: readonly string[]): string[] =>
  argv.flatMap((word, index) => {
    if (index === 0 && word === 'tssupervisord') {
      return [process.execPath, DAEMON_BIN];
    }
    if (index === 0 && word === 'node') {
      return [process.execPath];
    }
    return word.startsWith('/app/') ? [dir.join(word)] : [word];
  });

/**
 * The container's stdout and stderr as a runtime gives them: a FIFO (containerd's shim hands
 * PID 1 FIFOs), so `/dev/stdout` can be opened by path — not a socket, as Node's 'pipe' is.
 * Opened read-write first, so that neither end's open waits for the other.
 */
const containerLog = (dir: TempDir): { writeFd: number; reader: ReadStream } => {
  const path = dir.join('container.log.fifo');
  execFileSync('mkfifo', [path]);
  const writeFd = openSync(path, 'r+');
  return { writeFd, reader: createReadStream(path) };
};

describe('the container of deploy/docker, run as PID 1 of a pid namespace', () => {
  it('serves, passes its HEALTHCHECK, fails it while a program is down, and stops on STOPSIGNAL', async () => {
    expect(whyNoPidNamespace()).toBeNull();
    const dir = makeTempDir();
    root = dir;
    layOutImage(dir);
    const [appPort, webPort, daemonPort] = [await freePort(), await freePort(), await freePort()];
    movePort(dir, '/app/supervisord.conf', '127.0.0.1:8000', `127.0.0.1:${appPort}`);
    movePort(dir, '/app/supervisord.conf', '0.0.0.0:9001', `0.0.0.0:${daemonPort}`);
    movePort(dir, '/app/nginx.conf', '127.0.0.1:8000', `127.0.0.1:${appPort}`);
    movePort(dir, '/app/nginx.conf', 'listen 8080;', `listen ${webPort};`);

    // ENTRYPOINT, in WORKDIR, with the password the orchestrator passes in its environment.
    const entrypoint = onHost(dir, execForm(instruction('ENTRYPOINT')));
    const [command, ...args] = [...UNSHARE, ...entrypoint];
    let output = '';
    const log = containerLog(dir);
    const started = spawn(command, args, {
      cwd: dir.join(instruction('WORKDIR')),
      env: { ...process.env, TSSUPERVISOR_PASSWORD: PASSWORD },
      stdio: ['ignore', log.writeFd, log.writeFd],
    });
    closeSync(log.writeFd);
    container = started;
    log.reader.on('data', (chunk) => (output += chunk.toString()));
    const exited = new Promise<number | string>((done) =>
      started.once('exit', (code, signal) => done(code ?? signal ?? -1)),
    );
    const unsharePid = started.pid ?? 0;
    const pid1 = await waitFor(() => childrenOf(unsharePid)[0], { what: 'the namespace PID 1' });
    // Read from PID 1 itself: unshare's pid_for_children is the host's until it has unshared.
    const namespace = await waitFor(() => pidNamespaceOf(pid1));
    expect(namespace).not.toBe(pidNamespaceOf(process.pid));

    // The HEALTHCHECK command as the image runs it, against the moved port.
    const [, healthcheck = ''] = instruction('HEALTHCHECK').split(/ CMD (?=\[)/);
    const healthArgv = onHost(dir, execForm(healthcheck)).map((word) =>
      word.replace(':9001/', `:${daemonPort}/`),
    );
    const healthy = (): boolean =>
      spawnSync(healthArgv[0] ?? '', healthArgv.slice(1), { timeout: 5_000 }).status === 0;

    await waitFor(healthy, { timeoutMs: 30_000, what: 'the HEALTHCHECK to pass' }).catch(
      (error: unknown) => {
        throw new Error(`${String(error)}\n--- the container's output:\n${output}`);
      },
    );
    const page = await httpGet({ port: webPort }, '/');
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/Hello from myapp \(gunicorn worker \d+\)/);

    // Probes need no password; /metrics does.
    expect((await httpGet({ port: daemonPort }, '/healthz')).status).toBe(200);
    expect((await httpGet({ port: daemonPort }, '/readyz')).body).toMatch(/^ready: 2 /);
    expect((await httpGet({ port: daemonPort }, '/metrics')).status).toBe(401);
    const metrics = await httpGet({ port: daemonPort }, '/metrics', {
      username: 'admin',
      password: PASSWORD,
    });
    expect(metrics.body).toMatch(/^node_supervisord_up\{.*name="nginx".*\} 1$/m);

    // The container's log: the main log and the programs' output (gunicorn's stderr).
    expect(output).toContain('supervisord started with pid 1\n');
    expect(output).toMatch(/Booting worker with pid: \d+/);
    // nginx's access_log /dev/stdout, opened by path: a pipe, as under supervisord.
    expect(output).toMatch(/"GET \/ HTTP\/1\.1" 200 /);

    // `docker exec … tssupervisorctl -c /app/supervisord.conf stop nginx`: not ready any more.
    const ctl = (...words: string[]): string =>
      spawnSync(process.execPath, [CTL_BIN, '-c', dir.join('/app/supervisord.conf'), ...words], {
        encoding: 'utf8',
      }).stdout;
    expect(ctl('stop', 'nginx')).toContain('nginx: stopped');
    expect(healthy()).toBe(false);
    expect((await httpGet({ port: daemonPort }, '/readyz')).status).toBe(503);
    expect(ctl('start', 'nginx')).toContain('nginx: started');
    await waitFor(healthy, { timeoutMs: 10_000, what: 'the HEALTHCHECK to pass again' });

    // `docker stop`: the STOPSIGNAL to PID 1.
    const stopAt = Date.now();
    process.kill(pid1, instruction('STOPSIGNAL'));
    expect(await exited).toBe(0);
    expect(Date.now() - stopAt).toBeLessThan(10_000);
    const nginxStopped = output.indexOf('stopped: nginx (exit status 0)');
    const appStopped = output.indexOf('stopped: myapp (exit status 0)');
    expect(nginxStopped).toBeGreaterThan(0);
    expect(appStopped).toBeGreaterThan(nginxStopped);
    expect(pidsInNamespace(namespace)).toEqual([]);
    expect(await portIsFree(appPort)).toBe(true);
    expect(await portIsFree(webPort)).toBe(true);
  });
});
