// A command on the daemon it is meant for: a process's or a group's on its host, `all` and
// `update` on every host that is up, in parallel; in a fleet, each result line names its host.

import type { CommandOutcome, ProcessCommand } from './commands.js';
import { runCommand } from './command-runner.js';
import type { HostClient } from './host-client.js';

const on = (host: HostClient, command: ProcessCommand): Promise<CommandOutcome> =>
  runCommand(host.api.actions, command, host.serverUrl);

/** The one host a process's or a group's command goes to; null for every host. */
const targetHost = (command: ProcessCommand): string | null =>
  command.verb !== 'update' && command.target.kind !== 'all' ? command.target.host : null;

/**
 * `hosts`: the daemons to run on (in a fleet, those that are up). A fleet's one-host result
 * reads `web2:api:api_0: started`, as tssupervisorctl names it; several are joined.
 */
export const runFleetCommand = async (
  hosts: readonly HostClient[],
  command: ProcessCommand,
): Promise<CommandOutcome> => {
  const named = targetHost(command);
  if (named !== null) {
    const host = hosts.find((h) => h.name === named);
    if (host === undefined) {
      return { ok: false, text: `${named}: ERROR (the host is down)` };
    }
    const outcome = await on(host, command);
    return named === '' ? outcome : { ...outcome, text: `${named}:${outcome.text}` };
  }
  const [only] = hosts;
  if (hosts.length === 1 && only !== undefined && only.name === '') {
    return on(only, command);
  }
  if (hosts.length === 0) {
    return { ok: false, text: 'no host is up' };
  }
  const outcomes = await Promise.all(hosts.map((host) => on(host, command)));
  return {
    ok: outcomes.every((o) => o.ok),
    text: outcomes.map((o, i) => `${hosts[i]?.name ?? ''}: ${o.text}`).join('; '),
  };
};
