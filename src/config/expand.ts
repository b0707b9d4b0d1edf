// `%(name)s` expansion of option values: which names exist in which place (spec §1.4) and the
// reference's error texts around Python's printf.

import { PrintfError, pyFormat, type PrintfValue } from './printf.js';
import { compareCodePoints, InvalidValue, pyRepr } from './python-str.js';

export type ExpansionNames = ReadonlyMap<string, PrintfValue>;

/**
 * The places values are expanded in, each with its own set of names:
 * - `env`: ENV_* only (server sections, most [supervisorctl] keys, [rpcinterface:x]);
 * - `here`: ENV_* and here ([supervisord], [group:x], [unix_http_server] file, group-level reads
 *   of program/eventlistener sections, [supervisorctl] serverurl/history_file);
 * - `include`: here, host_node_name and ENV_* ([include] files, [supervisord] environment's
 *   second pass);
 * - `program`: adds program_name, group_name, host_node_name (program scalars);
 * - `process`: adds process_num, numprocs and ENV_* from the program's own environment=.
 */
export type NameScope = 'env' | 'here' | 'include' | 'program' | 'process';

export interface ScopeValues {
  /** ENV_* names: the environment at startup plus [supervisord] environment= */
  readonly env: ExpansionNames;
  readonly here: string;
  readonly hostNodeName: string;
  readonly programName?: string;
  readonly groupName?: string;
  readonly processNum?: number;
  readonly numprocs?: number;
  /** ENV_* names from the program's own environment=, which win over `env` */
  readonly processEnv?: ExpansionNames;
}

export const envNames = (vars: Readonly<Record<string, string>>): Map<string, PrintfValue> =>
  new Map(Object.entries(vars).map(([key, value]) => [`ENV_${key}`, value]));

export const scopeNames = (scope: NameScope, values: ScopeValues): ExpansionNames => {
  const names = new Map(values.env);
  if (scope === 'env') {
    return names;
  }
  names.set('here', values.here);
  if (scope === 'include' || scope === 'program' || scope === 'process') {
    names.set('host_node_name', values.hostNodeName);
  }
  if (scope === 'program' || scope === 'process') {
    names.set('program_name', values.programName ?? '');
    names.set('group_name', values.groupName ?? '');
  }
  if (scope === 'process') {
    names.set('process_num', values.processNum ?? 0);
    names.set('numprocs', values.numprocs ?? 1);
    for (const [key, value] of values.processEnv ?? []) {
      names.set(key, value);
    }
  }
  return names;
};

/** Expands `value`; `label` is how the reference names the option (`program:x.command`). */
export const expand = (value: string, names: ExpansionNames, label: string): string => {
  try {
    return pyFormat(value, names);
  } catch (error) {
    if (!(error instanceof PrintfError)) {
      throw error;
    }
    const head = `Format string ${pyRepr(value)} for ${pyRepr(label)}`;
    if (error.missingName !== undefined) {
      const available = [...names.keys()].sort(compareCodePoints).join(', ');
      throw new InvalidValue(
        `${head} contains names (${pyRepr(error.missingName)}) which cannot be expanded. Available names: ${available}`,
      );
    }
    throw new InvalidValue(`${head} is badly formatted: ${error.message}`);
  }
};
