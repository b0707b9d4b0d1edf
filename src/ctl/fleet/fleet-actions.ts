// start, stop and restart across a fleet (ours): each addressed host checked, then running
// the command's phases (restart: stop, then start) on its own names, all hosts at once; lines
// printed host by host, named `host:namespec`. A host that is down (or fails mid-way) is one
// `host: ERROR (down: <why>)` line and its exit status; the other hosts carry on.

import { FAULT_CODES } from '../../model/faults.js';
import { parseNamespec } from '../../model/namespec.js';
import type { ProcessInfo } from '../../protocol/process-info.js';
import type { SupervisorApi } from '../../protocol/supervisor-api.js';
import {
  bulkEntries,
  reportEntry,
  type BulkSpec,
  type Entry,
  type JsonSink,
} from '../commands/bulk-action.js';
import type { CommandContext } from '../commands/command.js';
import { splitWords } from '../line-parse.js';
import { matchStatusName } from '../commands/status-select.js';
import { hostJson, type FleetResultsJson } from '../render/fleet-json.js';
import { renderJson } from '../render/json.js';
import type { FleetHost } from './fleet-hosts.js';
import { hostsNamed, namesOnHost, parseFleetNames, type FleetName } from './fleet-names.js';
import { hostDown, type Fleet, type HostDown, type HostUp } from './fleet-reach.js';

/** One phase of the command (start; restart's stop, then start): how it reports, what it calls. */
export interface PhaseSpec {
  readonly reports: Pick<BulkSpec, 'action' | 'ignoredFault' | 'noSuchGroupExit'>;
  readonly on: (api: SupervisorApi) => BulkSpec;
}

interface PhaseRun {
  readonly spec: BulkSpec;
  readonly entries: readonly Entry[];
}

interface HostRun {
  readonly host: FleetHost;
  readonly phases: readonly PhaseRun[];
  /** The host went away (or was never there): why. */
  readonly down: HostDown | null;
}

interface HostListed {
  readonly kind: 'listed';
  readonly reach: HostUp;
  /** Empty when no name needed looking up. */
  readonly infos: readonly ProcessInfo[];
}

/** Whether a (non-`all`) name is anywhere in a host's list. */
const exists = (infos: readonly ProcessInfo[], spec: string): boolean =>
  matchStatusName(infos, spec).length > 0;

/** A host checked, then its process list where a name for every host must be looked up. */
const listOne = async (
  fleet: Fleet,
  host: FleetHost,
  lookups: boolean,
): Promise<HostListed | HostDown> => {
  const reach = await fleet.reach(host);
  if (reach.kind === 'down') {
    return reach;
  }
  try {
    return { kind: 'listed', reach, infos: lookups ? await reach.api.getAllProcessInfo() : [] };
  } catch (error) {
    return hostDown(host, error);
  }
};

/** What `host` is asked to act on, as its own names, in the order typed. */
const planFor = (names: readonly FleetName[], host: string, infos: readonly ProcessInfo[]) =>
  namesOnHost(names, host)
    .filter((name) => name.kind === 'one-host' || name.spec === 'all' || exists(infos, name.spec))
    .map((name) => name.spec);

/** A name for every host that no host has: the line one server would print for it. */
const missingEntry = (spec: string): Entry => {
  const { groupName, processName } = parseNamespec(spec);
  return processName === null
    ? { kind: 'no-such-group', group: groupName }
    : {
        kind: 'result',
        result: {
          group: groupName,
          name: processName,
          status: FAULT_CODES.BAD_NAME,
          description: `BAD_NAME: ${spec}`,
        },
      };
};

const runOnHost = async (
  ctx: CommandContext,
  reach: HostUp,
  plan: readonly string[],
  phases: readonly PhaseSpec[],
): Promise<HostRun> => {
  const done: PhaseRun[] = [];
  for (const phase of phases) {
    const spec = phase.on(reach.api);
    const entries: Entry[] = [];
    done.push({ spec, entries });
    try {
      for (const outcome of plan.length > 0 ? bulkEntries(spec, plan, ctx.parallel) : []) {
        entries.push(...(await outcome));
      }
    } catch (error) {
      return { host: reach.host, phases: done, down: hostDown(reach.host, error) };
    }
  }
  return { host: reach.host, phases: done, down: null };
};

export const runFleetAction = async (
  ctx: CommandContext,
  fleet: Fleet,
  typed: readonly string[],
  phases: readonly PhaseSpec[],
): Promise<void> => {
  const names = parseFleetNames(typed, fleet.hosts);
  const lookups = names.some((name) => name.kind === 'every-host' && name.spec !== 'all');
  const sink: JsonSink | null = ctx.json ? [] : null;
  // Each host on its own (checked, listed, acted on): a slow host holds up no other.
  const pending = hostsNamed(names, fleet.hosts).map((host) => listOne(fleet, host, lookups));
  const runs = pending.map(async (listing): Promise<HostRun> => {
    const list = await listing;
    return list.kind === 'down'
      ? { host: list.host, phases: [], down: list }
      : runOnHost(ctx, list.reach, planFor(names, list.reach.host.name, list.infos), phases);
  });
  const lists = await Promise.all(pending);
  // A name meant for every host that none of them has: reported once, without a host.
  const listed = lists.flatMap((list) => (list.kind === 'listed' ? [list.infos] : []));
  const missing = names.filter(
    (name) =>
      name.kind === 'every-host' &&
      name.spec !== 'all' &&
      listed.length > 0 &&
      !listed.some((infos) => exists(infos, name.spec)),
  );
  for (const phase of phases) {
    for (const name of missing) {
      reportEntry(ctx, phase.reports, missingEntry(name.spec), { sink });
    }
  }
  const downs: HostDown[] = [];
  for (const running of runs) {
    const run = await running;
    for (const phase of run.phases) {
      for (const entry of phase.entries) {
        reportEntry(ctx, phase.spec, entry, { sink, host: run.host.name });
      }
    }
    if (run.down !== null) {
      downs.push(run.down);
      // Under --json the document's `hosts` says it; this line goes to stderr.
      ctx.note(`${run.host.name}: ERROR (down: ${run.down.message})`);
    }
  }
  for (const down of downs) {
    ctx.setExitStatus(down.exitStatus);
  }
  if (sink !== null) {
    const document: FleetResultsJson = {
      hosts: lists.map((list) => {
        const host = list.kind === 'down' ? list.host : list.reach.host;
        return hostJson(host, downs.find((d) => d.host.name === host.name)?.message ?? null);
      }),
      results: sink,
    };
    ctx.out(renderJson(document));
  }
};

/** A verb's fleet form: its names (none: the verb's own usage error), then the phases. */
export const fleetVerb =
  (noNames: (ctx: CommandContext) => undefined, phases: readonly PhaseSpec[]) =>
  async (ctx: CommandContext, fleet: Fleet, arg: string): Promise<undefined> => {
    const names = splitWords(arg);
    if (names.length === 0) {
      return noNames(ctx);
    }
    await runFleetAction(ctx, fleet, names, phases);
    return undefined;
  };
