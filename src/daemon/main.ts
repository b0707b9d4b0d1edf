// tssupervisord's composition root: argv → config → (detach) → privileges and limits → one
// DaemonRun after another (SIGHUP reloads) → exit 0 with nothing left behind. The only daemon
// file that reads the environment or exits.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

import {
  findConfigFile,
  formatConfigError,
  loadConfig,
  noConfigFileMessage,
} from '../config/load.js';
import type { Config, ConfigError, LoadResult } from '../config/types.js';
import type { ForwardTargets } from '../logging/sinks.js';
import { versionLine } from '../model/versions.js';
import { createChildCare, type ChildCare } from '../platform/child-care.js';
import { nodeClock } from '../platform/node-clock.js';
import { createNodeConfigHost } from '../platform/node-config-host.js';
import { NodeFileSystem } from '../platform/node-file-system.js';
import { createNodeHttpServerTransport } from '../platform/node-http-server.js';
import { NodeProber } from '../platform/node-prober.js';
import { nodeSpawner } from '../platform/node-spawner.js';
import {
  launchDaemon,
  reportStartupError,
  reportUp,
  takeDaemonChildMarker,
} from '../platform/daemonize.js';
import { packageVersion } from '../platform/package-version.js';
import { livePidFromFile, removePidfile, writePidfile } from '../platform/pidfile.js';
import { ensureRlimit } from '../platform/rlimits.js';
import { unixDatagramConnector } from '../platform/unix-datagram-socket.js';
import { writableSink } from '../platform/writable-sink.js';
import { parseDaemonArgv } from './argv.js';
import { overridesFrom } from './cli-overrides.js';
import { DaemonRun, type DaemonPorts } from './daemon-run.js';
import { renderConfigSummary, renderConfigWarnings } from './print-config.js';
import { installSignalHandlers, type LifecycleRequest } from './signals.js';
import { daemonUsage } from './usage.js';

/** The live web UI's front end, bundled beside the daemon by `npm run build`; null without it. */
const liveUiScript = (): string | null => {
  try {
    return readFileSync(new URL('../ui/live-ui.js', import.meta.url), 'utf8');
  } catch {
    return null;
  }
};

const argv0 = process.argv[1] ?? 'tssupervisord';
const isDaemonChild = takeDaemonChildMarker();

/** Print (or hand to the launcher) a startup error, supervisord style, and exit 2. */
const die = (message: string): never => {
  const text = `Error: ${message}\nFor help, use ${argv0} -h\n`;
  if (isDaemonChild) {
    reportStartupError(text);
  } else {
    process.stderr.write(text);
  }
  process.exit(2);
};

const configErrorsText = (errors: readonly ConfigError[]): string =>
  errors
    .map((e, i) => (i === 0 ? formatConfigError(e) : `       ${formatConfigError(e)}`))
    .join('\n');

const loadFrom = (path: string, overrides: ReturnType<typeof overridesFrom>): LoadResult =>
  loadConfig(path, createNodeConfigHost(), { uid: process.getuid?.() ?? 0, overrides });

const readConfig = (
  path: string,
  overrides: ReturnType<typeof overridesFrom>,
): Config | ConfigError[] => {
  const result = loadFrom(path, overrides);
  return result.ok ? result.config : [...result.errors];
};

/** The config check: the programs on stdout, warnings and errors on stderr; 1 when invalid. */
const checkConfig = (path: string, overrides: ReturnType<typeof overridesFrom>): never => {
  const result = loadFrom(path, overrides);
  if (!result.ok) {
    process.stderr.write(
      `tssupervisord: configuration ${path} is invalid\n${result.errors.map((e) => `Error: ${formatConfigError(e)}\n`).join('')}${renderConfigWarnings([], result.unknownNames)}`,
    );
    return process.exit(1);
  }
  process.stdout.write(renderConfigSummary(result.config));
  process.stderr.write(renderConfigWarnings(result.config.messages, result.config.unknownNames));
  return process.exit(0);
};

const dropPrivileges = (config: Config): void => {
  const user = config.supervisord.user;
  if (user === null || process.getuid?.() === user.uid) {
    return;
  }
  if (process.getuid?.() !== 0) {
    die("Can't drop privilege as nonroot user");
  }
  try {
    // Node has initgroups(3) but @types/node does not declare it.
    (process as NodeJS.Process & { initgroups?: (u: string, g: number) => void }).initgroups?.(
      user.name,
      user.gid,
    );
    process.setgid?.(user.gid);
    process.setuid?.(user.uid);
  } catch (error) {
    die(`Could not set user id of effective user: ${String(error)}`);
  }
};

const ensureLimits = (config: Config): string[] => {
  const messages: string[] = [];
  const nofile = ensureRlimit('nofile', config.supervisord.minfds);
  if (nofile !== undefined && 'error' in nofile) {
    die(
      `The minimum number of file descriptors required to run this process is ${config.supervisord.minfds} as per the "minfds" command-line argument or config file setting. The current environment will only allow you to open ${nofile.hard} file descriptors.  Either raise the number of usable file descriptors in your environment or lower the minfds setting in the config file to allow the process to start.`,
    );
  } else if (nofile !== undefined) {
    messages.push(nofile.raised);
  }
  const nproc = ensureRlimit('nproc', config.supervisord.minprocs);
  if (nproc !== undefined && 'error' in nproc) {
    die(
      `The minimum number of available processes required to run this program is ${config.supervisord.minprocs} as per the "minprocs" command-line argument or config file setting. The current environment will only allow you to open ${nproc.hard} processes.  Either raise the number of usable processes in your environment or lower the minprocs setting in the config file to allow the process to start.`,
    );
  } else if (nproc !== undefined) {
    messages.push(nproc.raised);
  }
  return messages;
};

/** CANT_REREAD's detail: supervisord reports the first problem, in its own words. */
const rereadFailure = (errors: readonly ConfigError[]): string =>
  errors[0]?.message ?? 'the configuration could not be read';

// Forwarded child output shares the streams the main log's copy uses: one writer per stream, so
// lines never overwrite each other, and a pipe or socket (docker, journald) pushes back. Made
// once for the daemon's life, across reloads.
const daemonOutputs = (): ForwardTargets => ({
  stdout: writableSink(process.stdout),
  stderr: writableSink(process.stderr),
});

/** Before exiting: let what is queued for a pipe or socket reach it (for at most `graceMs`). */
const flushStdio = (graceMs: number): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, graceMs);
    let left = 2;
    const done = (): void => {
      left--;
      if (left === 0) {
        clearTimeout(timer);
        resolve();
      }
    };
    process.stdout.write('', done);
    process.stderr.write('', done);
  });

const portsFor = (
  config: Config,
  care: ChildCare,
  forwardTo: ForwardTargets,
): Omit<DaemonPorts, 'rereadConfig' | 'requestLifecycle'> => {
  const env = Object.fromEntries(
    Object.entries(process.env).flatMap(([k, v]) => (v === undefined ? [] : [[k, v]])),
  );
  const foreground = config.supervisord.nodaemon && !config.supervisord.silent;
  return {
    clock: nodeClock,
    spawner: care.spawner,
    prober: new NodeProber(),
    fs: new NodeFileSystem(),
    http: createNodeHttpServerTransport({
      onServerError: (address, error) =>
        process.stderr.write(`HTTP server ${address}: ${error.message}\n`),
    }),
    env,
    stdoutCopy: foreground ? (bytes) => process.stdout.write(bytes) : null,
    writeStderr: (text) => process.stderr.write(text),
    forwardTo,
    datagrams: unixDatagramConnector,
    // As Python's syslog module does for supervisord: the name the program was started as.
    syslogIdent: basename(argv0),
    version: packageVersion(),
    liveUiScript: liveUiScript(),
  };
};

const main = async (): Promise<void> => {
  const parsed = parseDaemonArgv(process.argv.slice(2));
  if (!parsed.ok) {
    return die(parsed.message);
  }
  const opts = parsed.argv.values;
  if (opts.has('help')) {
    process.stdout.write(daemonUsage(argv0));
    return process.exit(0);
  }
  if (opts.has('version')) {
    process.stdout.write(`${versionLine(packageVersion())}\n`);
    return process.exit(0);
  }
  const host = createNodeConfigHost();
  const path = opts.get('configuration')?.value ?? findConfigFile(argv0, host);
  if (path === undefined) {
    return die(noConfigFileMessage(argv0));
  }
  const overrides = overridesFrom(parsed.argv);
  if (opts.has('check_config')) {
    return checkConfig(path, overrides);
  }
  const loaded = loadFrom(path, overrides);
  if (!loaded.ok) {
    // A name supervisord ignores may be why the config is refused (`comand=`): say so too.
    const warnings = renderConfigWarnings([], loaded.unknownNames).trimEnd();
    return die(`${configErrorsText(loaded.errors)}${warnings === '' ? '' : `\n${warnings}`}`);
  }
  let config = loaded.config;
  const running = livePidFromFile(config.supervisord.pidfile);
  if (running !== undefined) {
    return die(
      `another supervisord is already running with pid ${running} (pidfile ${config.supervisord.pidfile}); stop it first or use another pidfile`,
    );
  }
  if (!config.supervisord.nodaemon && !isDaemonChild) {
    return process.exit(await launchDaemon(process.argv.slice(1), config.supervisord.umask));
  }
  if (isDaemonChild && config.supervisord.directory !== null) {
    process.chdir(config.supervisord.directory);
  }
  dropPrivileges(config);
  const limitMessages = ensureLimits(config);
  // Reaping, the children ledger and the guardian (docs/decisions/006): one for the whole life
  // of the daemon process, across reloads; the ledger sits beside the first config's pidfile.
  const care = createChildCare(nodeSpawner, config.supervisord.pidfile);
  const forwardTo = daemonOutputs();

  let run: DaemonRun | null = null;
  let pending: ((r: LifecycleRequest) => void) | null = null;
  // shutdown_on: the status of the program whose exit ended the daemon (0 otherwise).
  let exitStatus = 0;
  let requested: LifecycleRequest | null = null;
  // Signals and the supervisor.shutdown/restart RPC methods both end up here.
  const requestLifecycle = (request: LifecycleRequest): void => {
    if (requested === 'shutdown') {
      return;
    }
    requested = request;
    pending?.(request);
  };
  installSignalHandlers({
    logger: () => run?.log ?? { log: () => undefined, isEnabled: () => false },
    isStopping: () => requested === 'shutdown',
    onLifecycle: requestLifecycle,
    onReopen: () => void run?.reopenLogs(),
  });
  // Children fail, the daemon doesn't: a bug in one code path is logged, supervision goes on.
  const internalError = (error: unknown): void => {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    run?.log.log('critical', `internal error (please report): ${text}`);
  };
  process.on('uncaughtException', internalError);
  process.on('unhandledRejection', internalError);

  for (let first = true; ; first = false) {
    const started = await DaemonRun.start(config, {
      ...portsFor(config, care, forwardTo),
      rereadConfig: () => {
        const reread = readConfig(path, overrides);
        return Array.isArray(reread)
          ? { ok: false, message: rereadFailure(reread) }
          : { ok: true, config: reread };
      },
      requestLifecycle,
      requestExit: (status) => {
        // A shutdown already under way (SIGTERM) keeps its status.
        if (requested !== 'shutdown') {
          exitStatus = status;
          requestLifecycle('shutdown');
        }
      },
    }).catch(
      // A failure nobody foresaw must still end the start with an error, never a silent exit 0.
      (error: unknown) =>
        ({
          ok: false,
          message: `could not start: ${error instanceof Error ? error.message : String(error)}`,
        }) as const,
    );
    if (!started.ok) {
      return die(started.message);
    }
    run = started.run;
    if (first) {
      for (const m of limitMessages) {
        run.log.log('info', m);
      }
      const failure = writePidfile(config.supervisord.pidfile);
      if (failure !== undefined) {
        run.log.log('critical', `could not write pidfile ${config.supervisord.pidfile}`);
      }
      if (isDaemonChild) {
        run.log.log('info', 'daemonizing the supervisord process');
      }
      run.log.log('info', `supervisord started with pid ${process.pid}`);
      // Before autostart: what a killed predecessor left running is stopped first.
      await care.begin((level, message) => run?.log.log(level, message));
      if (isDaemonChild) {
        reportUp();
      }
    }
    run.begin();
    // SIGHUP reads the file before anything is stopped: a broken config is refused and the
    // daemon carries on with the one it has (supervisord stops everything, then dies on it).
    let reloaded: Config | null = null;
    while (reloaded === null) {
      const request = await new Promise<LifecycleRequest>((resolve) => {
        pending = resolve;
        if (requested !== null) {
          resolve(requested);
        }
      });
      if (request === 'shutdown') {
        break;
      }
      requested = null;
      const reread = readConfig(path, overrides);
      if (Array.isArray(reread)) {
        run.log.log(
          'critical',
          `restart refused, still running the previous configuration: ${configErrorsText(reread)}`,
        );
      } else {
        reloaded = reread;
      }
    }
    if (reloaded === null) {
      await run.stop('SHUTDOWN', (log) => care.settleOrphans(log));
      break;
    }
    await run.stop('RESTARTING');
    requested = null;
    config = reloaded;
  }
  care.end();
  removePidfile(config.supervisord.pidfile);
  await flushStdio(2_000);
  process.exit(exitStatus);
};

void main();
