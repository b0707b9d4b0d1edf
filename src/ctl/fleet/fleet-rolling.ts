// `restart --rolling` across a fleet (ours): one host's pools at a time, in the fleet's order,
// each through that host's tssupervisor.rollingRestart, so no two hosts are ever short of a
// process together. A host that is down, or a group that does not come back, stops the roll
// there (the hosts after it are not touched), as one group that does not come back stops it on
// one server. A name without a host rolls that group on every host that has it.

import { parseNamespec } from '../../model/namespec.js';
import { reportEntry, type JsonSink } from '../commands/bulk-action.js';
import type { CommandContext } from '../commands/command.js';
import { notAGroup, ROLL, rollingPhase } from '../commands/rolling-restart.js';
import { EXIT } from '../exit-codes.js';
import { hostJson } from '../render/fleet-json.js';
import { renderJson } from '../render/json.js';
import { hostsNamed, namesOnHost, parseFleetNames } from './fleet-names.js';
import { hostDown, type Fleet, type HostDown, type HostReach } from './fleet-reach.js';

/** The groups `host` is asked to roll: its own names, and names for every host it has. */
const namesFor = async (
  reach: Extract<HostReach, { kind: 'up' }>,
  names: ReturnType<typeof parseFleetNames>,
): Promise<string[]> => {
  const mine = namesOnHost(names, reach.host.name);
  const needsList = mine.some((name) => name.kind === 'every-host' && name.spec !== 'all');
  const groups = needsList
    ? new Set((await reach.api.getAllProcessInfo()).map((info) => info.group))
    : new Set<string>();
  return mine
    .filter(
      (name) =>
        name.kind === 'one-host' ||
        name.spec === 'all' ||
        groups.has(parseNamespec(name.spec).groupName),
    )
    .map((name) => name.spec);
};

export const runFleetRolling = async (
  ctx: CommandContext,
  fleet: Fleet,
  typed: readonly string[],
): Promise<void> => {
  const names = parseFleetNames(typed, fleet.hosts);
  // Refused before any host is touched, not half-way through the fleet.
  const refused = names.flatMap((name) => notAGroup(name.spec, name.typed) ?? []);
  if (refused[0] !== undefined) {
    ctx.note(refused[0]);
    ctx.setExitStatus(EXIT.INVALID_ARGS);
    return;
  }
  const sink: JsonSink | null = ctx.json ? [] : null;
  const seen: { readonly host: Fleet['hosts'][number]; readonly down: HostDown | null }[] = [];
  const found = new Set<string>();
  const addressed = hostsNamed(names, fleet.hosts);
  for (const host of addressed) {
    let reach = await fleet.reach(host);
    let rolledAll = false;
    if (reach.kind === 'up') {
      try {
        const plan = await namesFor(reach, names);
        plan.forEach((spec) => found.add(spec));
        const target = { api: reach.api, ours: reach.ours, host: host.name };
        rolledAll = plan.length === 0 || (await rollingPhase(ctx, plan, sink, target));
      } catch (error) {
        reach = hostDown(host, error);
      }
    }
    seen.push({ host, down: reach.kind === 'down' ? reach : null });
    if (reach.kind === 'down') {
      ctx.note(`${host.name}: ERROR (down: ${reach.message})`);
      ctx.setExitStatus(reach.exitStatus);
    }
    if (!rolledAll) {
      break;
    }
  }
  if (seen.length === addressed.length && seen.every((s) => s.down === null)) {
    // A group for every host that none of them has: said once, as one server says it.
    for (const name of names) {
      if (name.kind === 'every-host' && name.spec !== 'all' && !found.has(name.spec)) {
        const group = parseNamespec(name.spec).groupName;
        reportEntry(ctx, ROLL, { kind: 'no-such-group', group }, { sink });
      }
    }
  }
  if (sink !== null) {
    const hosts = seen.map((s) => hostJson(s.host, s.down?.message ?? null));
    ctx.out(renderJson({ hosts, results: sink }));
  }
};
