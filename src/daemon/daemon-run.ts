// One run of the daemon for one Config, in supervisord's startup order: main log, parse messages,
// AUTO log cleanup, groups (with their logs), HTTP servers; then autostart. stop() undoes it all
// in the shutdown order. A SIGHUP reload is stop() followed by a new run on the re-read config.

import { formatUnknownName } from '../config/load.js';
import type { Config } from '../config/types.js';
import { Supervisor } from '../engine/supervisor.js';
import { EventBus } from '../events/event-bus.js';
import { ListenerPools } from '../events/listener-pools.js';
import { cleanAutoLogs } from '../logging/auto-log-files.js';
import { createLogFollower } from '../logging/log-follower.js';
import { type MainLog, openMainLog } from '../logging/main-log.js';
import type { ForwardTargets } from '../logging/sinks.js';
import type { LogLevel } from '../model/log-level.js';
import type { DatagramConnector } from '../ports/datagram-socket.js';
import type { Clock } from '../ports/clock.js';
import type { FileSystem } from '../ports/file-system.js';
import type { HttpServerTransport } from '../ports/http-transport.js';
import type { ProcessStats } from '../ports/process-stats.js';
import type { Prober } from '../ports/prober.js';
import type { Spawner } from '../ports/spawner.js';
import { daemonUsage } from '../platform/daemon-usage.js';
import { createNodeFileWatcher } from '../platform/node-file-watcher.js';
import { createProcessStats } from '../platform/process-stats.js';
import { createStatsSampler } from '../engine/stats-sampler.js';
import type { FileWatcher } from '../ports/file-watcher.js';
import { startHttpServers, type RunningHttpServers } from '../rpc/http-servers.js';
import { createHttpService, DEFAULT_MAX_BODY_BYTES } from '../rpc/http-service.js';
import { inProcessCaller } from '../rpc/in-process-caller.js';
import { supervisorMethods } from '../rpc/methods/supervisor.js';
import { createProcessObservers, tssupervisorMethods } from '../rpc/methods/tssupervisor.js';
import type { MetricsSources } from '../rpc/metrics/snapshot.js';
import { createRpcService } from '../rpc/rpc-service.js';
import { supervisorApi } from '../protocol/supervisor-api.js';
import { createWebRoutes } from '../web/web-routes.js';
import type { LifecycleRequest, RereadOutcome } from '../rpc/supervisor-facade.js';
import { openDaemonSyslog, type DaemonSyslog } from './daemon-syslog.js';
import { ProcessOutputs } from './process-outputs.js';
import { createRpcFacade } from './rpc-facade.js';
import { watchShutdownOn } from './shutdown-on-watch.js';
import { childServerUrl } from './server-url.js';

export interface DaemonPorts {
  readonly clock: Clock;
  readonly spawner: Spawner;
  readonly prober: Prober;
  readonly fs: FileSystem;
  readonly http: HttpServerTransport;
  /** the daemon's environment, inherited by every child */
  readonly env: Readonly<Record<string, string>>;
  /** where the main log is copied in the foreground (nodaemon, not silent); null for none */
  readonly stdoutCopy: ((bytes: Uint8Array) => void) | null;
  /** the daemon's stderr, for what cannot go to the main log */
  readonly writeStderr: (text: string) => void;
  /** the daemon's own stdout and stderr as sinks for forwarded child output (*_forward) */
  readonly forwardTo?: ForwardTargets;
  /** unix datagram sockets, for syslog (logfile=syslog, *_syslog); absent: no syslog */
  readonly datagrams?: DatagramConnector;
  /** the program name syslog lines carry: the name the daemon was started as */
  readonly syslogIdent?: string;
  /** supervisor.reloadConfig: parse the config file again, as a SIGHUP would */
  readonly rereadConfig: () => RereadOutcome;
  /** supervisor.shutdown / supervisor.restart: the same path as SIGTERM / SIGHUP */
  readonly requestLifecycle: (request: LifecycleRequest) => void;
  /** shutdown_on: shut down, then exit with `status` instead of 0 */
  readonly requestExit?: (status: number) => void;
  /**
   * getProcessStats' and restart_on_memory's measurements; default: /proc trees (pidusage
   * without /proc)
   */
  readonly processStats?: ProcessStats;
  /** watch=; default: fs.watch per directory */
  readonly fileWatcher?: FileWatcher;
  /** our version, for GET /metrics */
  readonly version: string;
  /** The live web UI's bundled script (dist/ui/live-ui.js); null or absent when not built. */
  readonly liveUiScript?: string | null;
}

export type DaemonRunStart =
  { readonly ok: true; readonly run: DaemonRun } | { readonly ok: false; readonly message: string };

interface DaemonRunParts {
  readonly config: Config;
  readonly log: MainLog;
  readonly bus: EventBus;
  readonly supervisor: Supervisor;
  readonly outputs: ProcessOutputs;
  readonly servers: RunningHttpServers;
  readonly listeners: ListenerPools;
  readonly syslog: DaemonSyslog | null;
}

export class DaemonRun {
  readonly config: Config;
  readonly log: MainLog;
  readonly bus: EventBus;
  readonly supervisor: Supervisor;
  readonly outputs: ProcessOutputs;
  private readonly servers: RunningHttpServers;
  private readonly listeners: ListenerPools;
  private readonly syslog: DaemonSyslog | null;

  private constructor(parts: DaemonRunParts) {
    ({
      config: this.config,
      log: this.log,
      bus: this.bus,
      supervisor: this.supervisor,
      outputs: this.outputs,
      servers: this.servers,
      listeners: this.listeners,
      syslog: this.syslog,
    } = parts);
  }

  /** Everything up to (not including) autostart; on failure nothing is left open. */
  static async start(config: Config, ports: DaemonPorts): Promise<DaemonRunStart> {
    const sd = config.supervisord;
    let log: MainLog | null = null;
    const syslog =
      ports.datagrams === undefined
        ? null
        : openDaemonSyslog(sd.syslogSocket, {
            connector: ports.datagrams,
            clock: ports.clock,
            ident: ports.syslogIdent ?? 'supervisord',
            report: (message) => {
              log?.log('warn', message);
              if (sd.logfile === 'syslog') {
                ports.writeStderr(`${message}\n`);
              }
            },
          });
    log = await openMainLog(
      {
        logfile: sd.logfile,
        maxBytes: sd.logfileMaxBytes,
        backups: sd.logfileBackups,
        level: sd.logLevel,
      },
      {
        fs: ports.fs,
        clock: ports.clock,
        stdoutCopy: ports.stdoutCopy,
        onOwnFailure: (message) => ports.writeStderr(`${message}\n`),
        syslog: syslog?.mainLog ?? null,
      },
    );
    for (const message of config.messages) {
      log.log(message.level, message.text);
    }
    for (const unknown of config.unknownNames) {
      log.log('warn', formatUnknownName(unknown));
    }
    if (!sd.nocleanup) {
      await cleanAutoLogs(ports.fs, sd.childlogdir, sd.identifier, log);
    }
    const bus = new EventBus((error) =>
      log.log('error', `event subscriber failed: ${String(error)}`),
    );
    const listeners = new ListenerPools({
      bus,
      clock: ports.clock,
      logger: log,
      identifier: sd.identifier,
    });
    const outputs = new ProcessOutputs({
      fs: ports.fs,
      clock: ports.clock,
      mainLog: log,
      bus,
      supervisord: sd,
      listeners,
      forwardTo: ports.forwardTo ?? null,
      syslog: syslog?.programs ?? null,
    });
    await outputs.prepare(config.groups);
    // One sampler for the daemon: getProcessStats and restart_on_memory share its scans.
    const statsSampler = createStatsSampler({
      stats: ports.processStats ?? createProcessStats(),
      monotonicMs: () => ports.clock.monotonicMs(),
    });
    const supervisor = new Supervisor({
      clock: ports.clock,
      spawner: ports.spawner,
      prober: ports.prober,
      logger: log,
      bus,
      createOutput: (p) => outputs.outputFor(p),
      baseEnv: ports.env,
      supervisordConfig: sd,
      serverUrl: childServerUrl(config),
      statsSampler,
      fileWatcher: ports.fileWatcher ?? createNodeFileWatcher(),
    });
    supervisor.addGroups(config.groups);
    const { requestExit } = ports;
    if (requestExit !== undefined) {
      watchShutdownOn(bus, supervisor, log, requestExit);
    }

    const facade = createRpcFacade({
      config,
      supervisor,
      outputs,
      log,
      bus,
      fs: ports.fs,
      clock: ports.clock,
      pid: process.pid,
      rereadConfig: ports.rereadConfig,
      requestLifecycle: ports.requestLifecycle,
      statsSampler,
    });
    const logTail = createLogFollower({
      fs: ports.fs,
      clock: ports.clock,
      processLogPath: (namespec, channel) => {
        const found = supervisor.lookup(namespec);
        if (found.kind !== 'process') {
          return null;
        }
        const info = found.process.info();
        return channel === 'stdout' ? info.stdoutLogfile : info.stderrLogfile;
      },
      mainLogPath: () => log.path,
    });
    // One change feed and one stats sampler for the tssupervisor.* methods and GET /metrics.
    const observers = createProcessObservers(facade);
    const metrics: MetricsSources = {
      engine: supervisor,
      sampler: observers.sampler,
      feed: observers.feed,
      logCounters: (process) => outputs.logCounters(process.config.groupName, process.config.name),
      eventPools: () => listeners.discardedEvents(),
      daemonUsage,
      version: ports.version,
      wallMs: () => ports.clock.wallMs(),
    };
    const rpc = createRpcService({
      methods: config.supervisorRpcEnabled
        ? [...supervisorMethods(facade), ...tssupervisorMethods(facade, observers)]
        : [],
      isShuttingDown: () => supervisor.mood !== 'RUNNING',
      logger: log,
    });
    if (config.supervisorRpcEnabled) {
      // Logged once per HTTP server, as supervisord does.
      for (let i = 0; i < config.unixHttpServers.length + config.inetHttpServers.length; i++) {
        log.log('info', "RPC interface 'supervisor' initialized");
      }
    }
    // supervisord's web pages work without [rpcinterface:supervisor]: they get the methods
    // anyway, and so does the live UI (which needs ours too).
    const pagesCall = config.supervisorRpcEnabled
      ? rpc.call
      : createRpcService({
          methods: [...supervisorMethods(facade), ...tssupervisorMethods(facade, observers)],
          isShuttingDown: () => supervisor.mood !== 'RUNNING',
          logger: log,
        }).call;
    const nowMs = (): number => ports.clock.wallMs();
    const pages = createWebRoutes({
      api: (signal) => supervisorApi(inProcessCaller(pagesCall, { signal })),
      nowMs,
      maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
      live: {
        script: ports.liveUiScript ?? null,
        call: pagesCall,
        logger: log,
        nowMs,
        maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
      },
    });
    const servers = await startHttpServers({
      transport: ports.http,
      unixServers: config.unixHttpServers,
      inetServers: config.inetHttpServers,
      serviceFor: (auth) =>
        createHttpService({
          call: rpc.call,
          auth,
          logTail,
          clock: ports.clock,
          logger: log,
          pages,
          metrics,
          engine: supervisor,
        }),
      onStaleSocket: (path) => ports.writeStderr(`Unlinking stale socket ${path}\n`),
      logger: log,
    });
    if (!servers.ok) {
      await supervisor.shutdown();
      await log.close();
      syslog?.close();
      return { ok: false, message: servers.message };
    }
    return {
      ok: true,
      run: new DaemonRun({
        config,
        log,
        bus,
        supervisor,
        outputs,
        servers: servers.servers,
        listeners,
        syslog,
      }),
    };
  }

  /** Start ticking, publish RUNNING, start every autostart process (at once: no 1 s tick). */
  begin(): void {
    this.listeners.start();
    this.bus.publish({ type: 'SUPERVISOR_STATE_CHANGE', to: 'RUNNING' });
    this.supervisor.autostart();
  }

  /** SIGUSR2: reopen the main log and every child log by name. */
  async reopenLogs(): Promise<void> {
    this.log.log('info', 'supervisord logreopen');
    await this.log.reopen();
    await this.outputs.reopenAll();
  }

  /**
   * Ordered stop of every process, then `afterProcesses` (while the main log is still open),
   * then the servers and logs are closed.
   */
  async stop(
    mood: 'SHUTDOWN' | 'RESTARTING',
    afterProcesses?: (log: (level: LogLevel, message: string) => void) => Promise<void>,
  ): Promise<void> {
    await this.supervisor.shutdown(mood);
    await afterProcesses?.((level, message) => this.log.log(level, message));
    this.listeners.close();
    await this.servers.close();
    await this.log.flush();
    await this.log.close();
    this.syslog?.close();
  }
}
