// --json in a fleet (ours): one document with each addressed host's connection state, then the
// processes or results, each saying which host it came from.

import type { ProcessJson, ResultJson } from './json.js';

export interface HostJson {
  readonly host: string;
  readonly serverurl: string;
  readonly state: 'up' | 'down';
  /** Why the host is down; null when up. */
  readonly message: string | null;
}

export interface FleetStatusJson {
  readonly hosts: readonly HostJson[];
  readonly processes: readonly (ProcessJson & { readonly host: string })[];
}

export interface FleetResultsJson {
  readonly hosts: readonly HostJson[];
  readonly results: readonly ResultJson[];
}

/** A host's state, from the reach (or the later call) that decided it. */
export const hostJson = (
  host: { readonly name: string; readonly target: { readonly serverUrl: string } },
  down: string | null,
): HostJson => ({
  host: host.name,
  serverurl: host.target.serverUrl,
  state: down === null ? 'up' : 'down',
  message: down,
});
