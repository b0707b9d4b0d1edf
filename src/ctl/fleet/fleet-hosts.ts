// The daemons of a fleet and what each is called: from [supervisorctl:NAME] sections or from
// several -s (NAME=URL, or a name taken from the URL), credentials per host first, then the
// shared ones. Pure: every mistake is a message for the exit-2 usage error.

import { fleetHostNameProblem } from '../../model/fleet-host-name.js';
import { splitUrlCredentials } from '../../protocol/server-url.js';
import type { ServerTarget } from '../deps.js';

export interface FleetHost {
  readonly name: string;
  readonly target: ServerTarget;
}

/** One daemon as configured: a name (null: take one from the URL) and its own credentials. */
export interface FleetEntry {
  readonly name: string | null;
  readonly url: string;
  readonly username: string | null;
  readonly password: string | null;
}

export interface Credentials {
  readonly username: string | null;
  readonly password: string | null;
}

export type FleetResult =
  | { readonly ok: true; readonly hosts: readonly FleetHost[] }
  | { readonly ok: false; readonly message: string };

const tidy = (text: string): string => text.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[.-]+/, '');

/** `web1` for http://web1:9001 or unix:///run/web1.sock; `wide` adds the port (web1-9001). */
const nameFromUrl = (url: string, wide: boolean): string => {
  const http = /^http:\/\/(\[[^\]]*\]|[^/:?#]*)(?::(\d+))?/i.exec(url);
  if (http !== null) {
    const host = tidy((http[1] ?? '').replace(/^\[|\]$/g, ''));
    return wide ? `${host}-${http[2] ?? '80'}` : host;
  }
  const file = url.replace(/\/+$/, '').split('/').pop() ?? '';
  return tidy(file.replace(/\.[^.]*$/, ''));
};

const count = (names: readonly string[], name: string): number =>
  names.filter((n) => n === name).length;

export const buildFleet = (entries: readonly FleetEntry[], shared: Credentials): FleetResult => {
  const plain = entries.map((e) => e.name ?? nameFromUrl(splitUrlCredentials(e.url).url, false));
  const names = entries.map((entry, i) => {
    const name = plain[i] ?? '';
    return entry.name === null && count(plain, name) > 1
      ? nameFromUrl(splitUrlCredentials(entry.url).url, true)
      : name;
  });
  const hosts: FleetHost[] = [];
  for (const [i, entry] of entries.entries()) {
    const name = names[i] ?? '';
    const problem = fleetHostNameProblem(name);
    if (problem !== null) {
      return {
        ok: false,
        message:
          entry.name === null
            ? `cannot name the server ${entry.url} after its URL (${problem}): write -s NAME=URL`
            : problem,
      };
    }
    if (count(names, name) > 1) {
      return {
        ok: false,
        message: `two servers are called '${name}': give each its own name (-s NAME=URL)`,
      };
    }
    const inUrl = splitUrlCredentials(entry.url);
    const own = inUrl.username !== null ? inUrl : entry;
    const hasOwn = own.username !== null || own.password !== null;
    hosts.push({
      name,
      target: {
        serverUrl: inUrl.url,
        username: hasOwn ? own.username : shared.username,
        password: hasOwn ? own.password : shared.password,
      },
    });
  }
  return { ok: true, hosts };
};

export const fleetHostNames = (hosts: readonly FleetHost[]): string =>
  hosts.map((h) => h.name).join(', ');
