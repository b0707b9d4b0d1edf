// Turns a ProcessConfig into a SpawnSpec the way supervisord prepares a fork (spec §2.7): argv by
// shlex, the executable by PATH, the child's environment; and names failures in its words.

import type { ProcessConfig } from '../config/types.js';
import type { FaultName } from '../model/faults.js';
import type { CommandLookup, SpawnSpec } from '../ports/spawner.js';
import { reprString } from '../model/python-repr.js';
import { shlexSplit } from './shlex-split.js';

type Env = Readonly<Record<string, string>>;

/** Where a child's environment comes from, besides its own program section. */
export interface SpawnEnvironment {
  /** supervisord's own environment */
  readonly baseEnv: Env;
  /** [supervisord] environment= */
  readonly globalEnv: Env;
  /** SUPERVISOR_SERVER_URL when the program does not set serverurl (null: none known) */
  readonly serverUrl: string | null;
}

export type SpawnPlan =
  | { readonly ok: true; readonly spec: SpawnSpec }
  | {
      readonly ok: false;
      readonly fault: Extract<FaultName, 'NO_FILE' | 'NOT_EXECUTABLE'>;
      readonly message: string;
    };

const DEFAULT_PATH = '/bin:/usr/bin:/usr/local/bin';

/** PATH from the program's (merged) environment if it has one, else supervisord's, else a default. */
export const searchPathFor = (config: ProcessConfig, env: SpawnEnvironment): string => {
  const configured = { ...env.globalEnv, ...config.environment }['PATH'];
  if (configured !== undefined) {
    return configured;
  }
  const inherited = env.baseEnv['PATH'];
  return inherited === undefined || inherited === '' ? DEFAULT_PATH : inherited;
};

/** environment= is applied last, so it can override even the SUPERVISOR_* keys. */
export const childEnvironment = (config: ProcessConfig, env: SpawnEnvironment): Env => {
  const serverUrl = config.serverUrl ?? env.serverUrl;
  return {
    ...env.baseEnv,
    SUPERVISOR_ENABLED: '1',
    ...(serverUrl === null || serverUrl === '' ? {} : { SUPERVISOR_SERVER_URL: serverUrl }),
    SUPERVISOR_PROCESS_NAME: config.name,
    SUPERVISOR_GROUP_NAME: config.groupName,
    ...env.globalEnv,
    ...config.environment,
  };
};

const lookupFailure = (
  lookup: Exclude<CommandLookup, { kind: 'found' }>,
): Extract<SpawnPlan, { ok: false }> => {
  const file = reprString(lookup.file);
  switch (lookup.kind) {
    case 'not-found':
      return { ok: false, fault: 'NO_FILE', message: `can't find command ${file}` };
    case 'is-directory':
      return { ok: false, fault: 'NOT_EXECUTABLE', message: `command at ${file} is a directory` };
    case 'not-executable':
      return {
        ok: false,
        fault: 'NOT_EXECUTABLE',
        message: `command at ${file} is not executable`,
      };
    case 'no-permission':
      return {
        ok: false,
        fault: 'NOT_EXECUTABLE',
        message: `no permission to run command ${file}`,
      };
  }
};

export const planSpawn = (
  config: ProcessConfig,
  env: SpawnEnvironment,
  lookupCommand: (file: string, searchPath: string) => CommandLookup,
): SpawnPlan => {
  const split = shlexSplit(config.command);
  if (!split.ok) {
    return {
      ok: false,
      fault: 'NOT_EXECUTABLE',
      message: `can't parse command ${reprString(config.command)}: ${split.message}`,
    };
  }
  const program = split.words[0];
  if (program === undefined) {
    return { ok: false, fault: 'NOT_EXECUTABLE', message: 'command is empty' };
  }
  const lookup = lookupCommand(program, searchPathFor(config, env));
  if (lookup.kind !== 'found') {
    return lookupFailure(lookup);
  }
  return {
    ok: true,
    spec: {
      file: lookup.path,
      argv: split.words,
      cwd: config.directory,
      env: childEnvironment(config, env),
      uid: config.user?.uid ?? null,
      gid: config.user?.gid ?? null,
      umask: config.umask,
      redirectStderr: config.redirectStderr,
    },
  };
};

/**
 * The spawnerr for a spawn the spawner refused. 'ESPAWN' is a child-side failure (chdir, setuid,
 * exec) that the spawner already worded as supervisord's child would have.
 */
export const describeSpawnFailure = (name: string, errno: string, message: string): string => {
  switch (errno) {
    case 'EMFILE':
    case 'ENFILE':
      return `too many open files to spawn '${name}'`;
    case 'EAGAIN':
      return `Too many processes in process table to spawn '${name}'`;
    case 'ESPAWN':
      return message;
    default:
      return `unknown error during fork for '${name}': ${errno}`;
  }
};
