// A compat scenario is a list of steps run against one daemon: supervisorctl commands (output
// and exit code), XML-RPC calls through Python's xmlrpc.client, brief `tail -f`s, requests to
// the web pages (status and redirect), config rewrites and waits. The transcript of normalized
// results is what gets compared.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { isXmlRpcStruct } from '../../src/protocol/xmlrpc/xmlrpc-value.js';
import { fetchPage } from '../helpers/http-page.js';
import { waitFor } from '../helpers/wait-for.js';
import type { AllowedDifference } from './allowed-differences.js';
import { COMPAT_ENV, type CompatDaemon, PYTHON, SUPERVISORCTL } from './compat-daemons.js';
import { type Json, normalizeText, normalizeValue, PID_METHODS } from './compat-normalize.js';

const CALLS_SCRIPT = fileURLToPath(new URL('xmlrpc-calls.py', import.meta.url));

export type RpcCall = readonly [method: string, params: readonly Json[]];

interface Compared {
  readonly label?: string;
  /** this step's results differ on purpose: not compared (see allowed-differences.ts) */
  readonly differs?: AllowedDifference;
}

export type Step =
  | (Compared & { readonly ctl: readonly string[]; readonly pids?: boolean })
  | (Compared & { readonly rpc: readonly RpcCall[] })
  /** `supervisorctl <args>` that never ends (tail -f): stopped with SIGINT once `until` shows */
  | (Compared & { readonly follow: readonly string[]; readonly until: string })
  /** a GET of this path on the web pages (a POST of `form` when given): status and Location */
  | (Compared & { readonly web: string; readonly form?: string })
  | { readonly config: string }
  | { readonly wait: string; readonly until: (daemon: CompatDaemon) => Promise<boolean> }
  | { readonly act: string; readonly run: (daemon: CompatDaemon) => Promise<void> | void };

export interface TranscriptEntry {
  readonly label: string;
  readonly differs: AllowedDifference | undefined;
  readonly result: Json;
}

interface Exec {
  readonly stdout: string;
  readonly stderr: string;
  readonly exit: number | string;
}

const exec = (
  command: string,
  args: readonly string[],
  options: { input?: string; stopWhen?: (stdout: string) => boolean; timeoutMs?: number } = {},
): Promise<Exec> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: COMPAT_ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} timed out\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 30_000);
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
      if (!interrupted && options.stopWhen?.(stdout) === true) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, exit: code ?? signal ?? -1 });
    });
    child.stdin.end(options.input ?? '');
  });

const TSSUPERVISORCTL = fileURLToPath(new URL('../../bin/tssupervisorctl', import.meta.url));

/**
 * The ctl a step runs: the real supervisorctl against both daemons, or, with
 * COMPAT_CTL=tssupervisorctl, ours against our daemon (the reference keeps supervisorctl).
 */
const ctlCommand = (daemon: CompatDaemon, args: readonly string[]): [string, string[]] =>
  process.env['COMPAT_CTL'] === 'tssupervisorctl' && daemon.kind === 'ours'
    ? [process.execPath, [TSSUPERVISORCTL, '-c', daemon.configPath, ...args]]
    : [SUPERVISORCTL, ['-c', daemon.configPath, ...args]];

export const ctl = (daemon: CompatDaemon, args: readonly string[]): Promise<Exec> =>
  exec(...ctlCommand(daemon, args));

export const rpcCalls = async (
  daemon: CompatDaemon,
  calls: readonly RpcCall[],
): Promise<Json[]> => {
  const run = await exec(PYTHON, [CALLS_SCRIPT, daemon.socketPath], {
    input: JSON.stringify(calls),
  });
  if (run.exit !== 0) {
    throw new Error(`xmlrpc-calls.py failed: ${run.stderr}`);
  }
  return JSON.parse(run.stdout) as Json[];
};

/**
 * With our ctl, two documented differences (docs/ctl.md) are normalized away on both sides, and
 * every other byte is compared: help texts are our own words (a usage error keeps only its
 * `Error:` line; help lines `verb args<TAB>what` go), and an unexpected error is one line
 * without Python's `<class …>` and `file: … line: N` around it.
 */
const withoutOurWordings = (s: string): string => {
  if (process.env['COMPAT_CTL'] !== 'tssupervisorctl') {
    return s;
  }
  const lines = s.split('\n');
  const kept = lines[0]?.startsWith('Error: ') === true ? [lines[0], ''] : lines;
  return kept
    .filter((l) => !l.includes('\t'))
    .map((l) => l.replace(/^error: <class '[^']*'>, (.*): file: .* line: \d+$/, 'error: $1'))
    .join('\n');
};

const execResult = (run: Exec, dir: string, pids: boolean): Json => {
  const text = (s: string): string => {
    const t = normalizeText(withoutOurWordings(s), dir);
    return pids ? t.replace(/^\d+$/gm, '<PID>') : t;
  };
  return { stdout: text(run.stdout), stderr: text(run.stderr), exit: run.exit };
};

const runStep = async (daemon: CompatDaemon, step: Step): Promise<TranscriptEntry | null> => {
  const dir = daemon.dir.path;
  if ('ctl' in step) {
    const run = await ctl(daemon, step.ctl);
    return entry(
      step,
      `supervisorctl ${step.ctl.join(' ')}`,
      execResult(run, dir, step.pids === true),
    );
  }
  if ('follow' in step) {
    const run = await exec(...ctlCommand(daemon, step.follow), {
      stopWhen: (out) => out.includes(step.until),
      timeoutMs: 15_000,
    });
    // What was shown up to the awaited text: how much more arrives before the SIGINT lands, and
    // how an interrupted supervisorctl exits, are timing, not the daemon's answer.
    const seen = run.stdout.indexOf(step.until);
    const shown = seen < 0 ? run.stdout : run.stdout.slice(0, seen + step.until.length);
    return entry(step, `supervisorctl ${step.follow.join(' ')}`, normalizeText(shown, dir));
  }
  if ('rpc' in step) {
    const results = await rpcCalls(daemon, step.rpc);
    const normalized = results.map((r, i) => {
      const method = step.rpc[i]?.[0] ?? '';
      return PID_METHODS.has(method) && typeof r === 'object' && r !== null && 'value' in r
        ? { value: '<PID>' }
        : normalizeValue(r, dir);
    });
    return entry(
      step,
      step.rpc.map(([m, p]) => `${m}(${JSON.stringify(p).slice(1, -1)})`).join('; '),
      normalized,
    );
  }
  if ('web' in step) {
    const answer = await fetchPage(
      { socketPath: daemon.socketPath },
      step.web,
      step.form === undefined
        ? {}
        : {
            method: 'POST',
            body: step.form,
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          },
    );
    return entry(step, `${step.form === undefined ? 'GET' : `POST ${step.form} to`} ${step.web}`, {
      status: answer.status,
      location: normalizeText(answer.headers['location'] ?? '', dir),
    });
  }
  if ('config' in step) {
    daemon.writeConfig(step.config);
    return null;
  }
  if ('wait' in step) {
    await waitFor(() => step.until(daemon), {
      timeoutMs: 20_000,
      intervalMs: 50,
      what: `${daemon.kind}: ${step.wait}`,
    });
    return null;
  }
  await step.run(daemon);
  return null;
};

const entry = (step: Compared, label: string, result: Json): TranscriptEntry => ({
  label: step.label ?? label,
  differs: step.differs,
  result,
});

export const runScenario = async (
  daemon: CompatDaemon,
  steps: readonly Step[],
): Promise<TranscriptEntry[]> => {
  const transcript: TranscriptEntry[] = [];
  for (const step of steps) {
    const done = await runStep(daemon, step);
    if (done !== null) {
      transcript.push(done);
    }
  }
  return transcript;
};

/** A wait step: every named process is in `state` (per getProcessInfo). */
export const waitForStates = (state: string, ...names: string[]): Step => ({
  wait: `${names.join(', ')} ${state}`,
  until: async (daemon) => {
    const infos = await Promise.all(
      names.map((n) => daemon.rpc.call('supervisor.getProcessInfo', [n])),
    );
    return infos.every((i) => isXmlRpcStruct(i) && i['statename'] === state);
  },
});
