// `npm run bench`: tssupervisord, the real supervisord and PM2 side by side on the same
// generated workload, scenario by scenario, runs interleaved (the subject order rotates every
// run), plus the physical floor; medians and ratios to the terminal, docs/benchmarks.md and
// docs/benchmarks.svg. Everything runs in one private temp dir and is killed on the way out.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { calibrateWallClock } from './clock.js';
import { parseOptions, type ScenarioId, USAGE } from './options.js';
import { reapSync } from './proc/reaper.js';
import { describeMachine } from './report/machine.js';
import { type BenchResults, ResultLog } from './report/results.js';
import { consoleTable, writeReport } from './report/write-report.js';
import { dashboardScenario } from './scenarios/dashboard.js';
import { eventsScenario } from './scenarios/events.js';
import { idleScenario, rssScenario } from './scenarios/footprint.js';
import { logScenario } from './scenarios/log-throughput.js';
import { probesScenario } from './scenarios/probes.js';
import { restartScenario } from './scenarios/restart.js';
import { type BenchContext, newDirUnder, type Scenario } from './scenarios/scenario.js';
import { spawnScenario } from './scenarios/spawn.js';
import { spawnLatencyScenario } from './scenarios/spawn-latency.js';
import { statusScenario } from './scenarios/status-scaling.js';
import { stopScenario } from './scenarios/stop.js';
import { stormScenario } from './scenarios/storm.js';
import { webUiScenario } from './scenarios/web-ui.js';
import { buildSubjects, sourceVersion } from './subjects/build-subjects.js';
import type { SubjectId } from './subjects/subject.js';
import { type LogData, writeLogData } from './workload/log-data.js';
import { writeWorkloadScripts } from './workload/scripts.js';

const SCENARIOS: Readonly<Record<ScenarioId, Scenario>> = {
  spawn: spawnScenario,
  restart: restartScenario,
  events: eventsScenario,
  log: logScenario,
  status: statusScenario,
  stop: stopScenario,
  rss0: rssScenario,
  idle: idleScenario,
  storm: stormScenario,
  'spawn-latency': spawnLatencyScenario,
  probes: probesScenario,
  dashboard: dashboardScenario,
  webui: webUiScenario,
};

const LOG_BYTES = 256 * 1024 * 1024;
const here = dirname(fileURLToPath(import.meta.url));

/** The project root: the nearest dir above the compiled bench with our package.json. */
const findRepoRoot = (from: string): string => {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readFileSync(manifest, 'utf8').includes('"name": "tssupervisor"')) {
      return dir;
    }
  }
  throw new Error(`no tssupervisor package.json above ${from}`);
};

const repoRoot = findRepoRoot(here);
const log = (line: string): void => console.log(line);

const rotate = <T>(items: readonly T[], by: number): T[] =>
  items.map((_, i) => items[(i + by) % items.length] as T);

const main = async (): Promise<number> => {
  const options = parseOptions(process.argv.slice(2), repoRoot);
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (options.fromJson !== null) {
    const stored = JSON.parse(readFileSync(options.fromJson, 'utf8')) as Omit<
      BenchResults,
      'runsPerScenario'
    > & { readonly runsPerScenario?: BenchResults['runsPerScenario'] };
    const results: BenchResults = { ...stored, runsPerScenario: stored.runsPerScenario ?? {} };
    log(consoleTable(results));
    for (const path of writeReport(results, repoRoot, options.writeDocs)) {
      log(`wrote ${path}`);
    }
    return 0;
  }
  const loadBefore = loadavg();
  const started = performance.now();
  const root = mkdtempSync(join(tmpdir(), 'tssbench-'));
  const cleanUp = (): void => {
    reapSync(root);
    if (!options.keepTemp) {
      rmSync(root, { recursive: true, force: true });
    }
  };
  process.once('exit', cleanUp);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => process.exit(130));
  }
  log(`bench: ${options.quick ? 'quick' : 'full'} mode, temp dir ${root}`);
  const scripts = writeWorkloadScripts(root);
  const { subjects, versions: subjectVersions } = await buildSubjects(
    options,
    scripts,
    { repoRoot, probeScript: join(here, 'subjects', 'pm2-probe.js') },
    log,
  );
  const versions = { ...subjectVersions, ...(await sourceVersion(repoRoot)) };
  let logData: LogData | null = null;
  const results = new ResultLog();
  const ctx: BenchContext = {
    root,
    quick: options.quick,
    scripts,
    subjects,
    results,
    ctlBin: join(options.tsBin, 'tssupervisorctl'),
    logData: () => (logData ??= writeLogData(scripts.dir, LOG_BYTES)),
    newDir: (label) => newDirUnder(root, label),
    reap: (dir) => reapSync(dir),
    log,
  };
  const order: readonly SubjectId[] = options.subjects;
  const runsPerScenario: Record<string, number> = {};
  for (const [index, id] of options.scenarios.entries()) {
    const scenario = SCENARIOS[id];
    const runs = options.runs ?? (options.quick ? 1 : (scenario.fullRuns ?? 3));
    runsPerScenario[id] = runs;
    for (let run = 1; run <= runs; run++) {
      calibrateWallClock();
      log(`${scenario.title} — run ${run}/${runs}`);
      await scenario.run(ctx, run, rotate(order, run - 1 + index));
    }
  }
  const report = {
    startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
    durationS: (performance.now() - started) / 1000,
    mode: options.quick ? ('quick' as const) : ('full' as const),
    runs: options.runs ?? (options.quick ? 1 : 3),
    runsPerScenario,
    machine: describeMachine(loadBefore),
    versions,
    samples: results.samples,
    problems: results.problems,
    notes: results.notes,
  };
  log('');
  log(consoleTable(report));
  for (const problem of results.problems) {
    log(`problem: ${problem.scenario} / ${problem.subject}: ${problem.text}`);
  }
  for (const path of writeReport(report, repoRoot, options.writeDocs)) {
    log(`wrote ${path}`);
  }
  return 0;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
