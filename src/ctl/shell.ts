// The interactive shell: `status` first, then one command per line at `<prompt>> ` until
// exit/quit, Ctrl-D or Ctrl-C. Its exit status is always 0, as supervisorctl's is.

import type { ProcessInfo } from '../protocol/process-info.js';
import { completeLine, fleetNames, serverNames, type NameSource } from './completion.js';
import type { Fleet } from './fleet/fleet-reach.js';
import { runLine } from './dispatch.js';
import type { Session } from './session.js';
import type { Terminal } from '../ports/terminal.js';

/** The names for completion, listed once per command line (tab may fire often). */
export const completionCache = (session: Session) => {
  let cached: Promise<readonly ProcessInfo[]> | null = null;
  let fleetCached: Promise<ReadonlyMap<string, readonly ProcessInfo[]>> | null = null;
  const { fleet } = session;
  const names: NameSource =
    fleet === null
      ? serverNames(() => (cached ??= session.api.getAllProcessInfo()))
      : fleetNames(() => (fleetCached ??= listFleet(fleet)));
  return {
    names,
    reset: (): void => {
      cached = null;
      fleetCached = null;
    },
  };
};

/** Every host's process list; a host that is down has none. */
const listFleet = async (fleet: Fleet): Promise<ReadonlyMap<string, readonly ProcessInfo[]>> => {
  const lists = await Promise.all(
    fleet.hosts.map(async (host) => {
      const reach = await fleet.reach(host);
      const infos = reach.kind === 'up' ? await reach.api.getAllProcessInfo().catch(() => []) : [];
      return [host.name, infos] as const;
    }),
  );
  return new Map(lists);
};

export const completerFor =
  (session: Session, cache: ReturnType<typeof completionCache>) => (line: string) =>
    completeLine(line, session.commands, cache.names);

export const runShell = async (
  session: Session,
  terminal: Terminal,
  prompt: string,
  cache: ReturnType<typeof completionCache>,
): Promise<void> => {
  await runLine(session, 'status');
  for (;;) {
    const read = await terminal.readLine(`${prompt}> `);
    if (read.kind !== 'line') {
      // Ctrl-D or Ctrl-C: end the prompt's line, as `exit` does.
      session.out('');
      return;
    }
    cache.reset();
    if ((await runLine(session, read.text)) === 'leave-shell') {
      return;
    }
  }
};
