// Where the ctl connects and how it behaves: command-line options over the [supervisorctl]
// section of the config file (given with -c or found on the default path) over defaults.
// Ours: a fleet of daemons, from several -s or from [supervisorctl:NAME] sections.

import type { SupervisorctlConfig } from '../config/types.js';
import { splitNamedUrl, type CliOptions } from './cli-options.js';
import type { CtlDeps, ServerTarget } from './deps.js';
import { buildFleet, fleetHostNames, type FleetHost } from './fleet/fleet-hosts.js';

export const DEFAULT_SERVER_URL = 'http://localhost:9001';
export const DEFAULT_PROMPT = 'supervisor';

export interface CtlSettings {
  readonly target: ServerTarget;
  readonly prompt: string;
  readonly historyFile: string | null;
  /** Ours: the daemons of a fleet, each addressed as `host:name`; null for one server. */
  readonly fleet: readonly FleetHost[] | null;
}

export type SettingsResult =
  | { readonly ok: true; readonly settings: CtlSettings }
  /** Exit 2 with this message, as supervisorctl does for config problems. */
  | { readonly ok: false; readonly message: string };

type FleetChoice =
  | { readonly ok: true; readonly fleet: readonly FleetHost[] | null }
  | { readonly ok: false; readonly message: string };

/** Several -s (or one NAME=URL) make a fleet; one plain -s is one server; else the file's. */
const chooseFleet = (cli: CliOptions, file: SupervisorctlConfig | null): FleetChoice => {
  const shared = {
    username: cli.username ?? file?.username ?? null,
    password: cli.password ?? file?.password ?? null,
  };
  const given = cli.serverUrls.map(splitNamedUrl);
  if (given.length > 1 || given.some((entry) => entry.name !== null)) {
    const entries = given.map((entry) => ({ ...entry, username: null, password: null }));
    const built = buildFleet(entries, shared);
    return built.ok ? { ok: true, fleet: built.hosts } : built;
  }
  if (given.length === 1 || file === null || file.fleet.length === 0) {
    return { ok: true, fleet: null };
  }
  const built = buildFleet(
    file.fleet.map((host) => ({ ...host, url: host.serverUrl })),
    shared,
  );
  return built.ok ? { ok: true, fleet: built.hosts } : built;
};

export const resolveSettings = (
  cli: CliOptions,
  deps: Pick<CtlDeps, 'findConfigFile' | 'loadConfig'>,
): SettingsResult => {
  // Without -c a config file is optional; once there is one, it must have [supervisorctl].
  const file = cli.configuration ?? deps.findConfigFile();
  let fromFile = null;
  if (file !== undefined) {
    const loaded = deps.loadConfig(file);
    if (!loaded.ok) {
      return { ok: false, message: loaded.errors[0]?.message ?? `could not read ${file}` };
    }
    fromFile = loaded.config;
  }
  const chosen = chooseFleet(cli, fromFile);
  if (!chosen.ok) {
    return chosen;
  }
  let { fleet } = chosen;
  let target: ServerTarget = {
    // A -s URL is used as given; the file's unix:// path was made absolute when read.
    serverUrl: cli.serverUrls[0] ?? fromFile?.serverUrl ?? DEFAULT_SERVER_URL,
    username: cli.username ?? fromFile?.username ?? null,
    password: cli.password ?? fromFile?.password ?? null,
  };
  if (cli.host !== null) {
    if (fleet === null) {
      return {
        ok: false,
        message: `--host ${cli.host}: there is no fleet ([supervisorctl:NAME] sections or several -s)`,
      };
    }
    const picked = fleet.find((host) => host.name === cli.host);
    if (picked === undefined) {
      return {
        ok: false,
        message: `--host ${cli.host}: no such host (the fleet has ${fleetHostNames(fleet)})`,
      };
    }
    target = picked.target;
    fleet = null;
  }
  return {
    ok: true,
    settings: {
      target,
      prompt: fromFile?.prompt ?? DEFAULT_PROMPT,
      // supervisorctl 4.2.5 ignores -r (it reads only the file's history_file); we honour it.
      historyFile: cli.historyFile ?? fromFile?.historyFile ?? null,
      fleet,
    },
  };
};
