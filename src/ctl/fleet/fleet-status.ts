// `status` across a fleet (ours): every addressed host checked and listed at once; a table
// with a host column (or one --json document), a DOWN row for a host that cannot be reached.
// Exit 4 for a host down or an unknown name, else 3 when a shown process is not running.

import type { ProcessInfo } from '../../protocol/process-info.js';
import type { CommandContext } from '../commands/command.js';
import { extrasFor } from '../commands/status-extras.js';
import { isStoppedState, matchStatusName, noMatchLine } from '../commands/status-select.js';
import { STATUS_EXIT } from '../exit-codes.js';
import { splitWords } from '../line-parse.js';
import { hostJson, type FleetStatusJson } from '../render/fleet-json.js';
import { renderFleetStatusLines, type FleetStatusRow } from '../render/fleet-status-table.js';
import { processJson, renderJson, type ProcessExtras } from '../render/json.js';
import type { FleetHost } from './fleet-hosts.js';
import { hostsNamed, parseFleetNames, type FleetName } from './fleet-names.js';
import { hostDown, type Fleet, type HostDown } from './fleet-reach.js';

interface HostListing {
  readonly kind: 'listed';
  readonly host: FleetHost;
  readonly infos: readonly ProcessInfo[];
  readonly extras: ProcessExtras | null;
}

type HostView = HostListing | HostDown;

/** Each addressed host checked, then listed, on its own: a slow host holds up no other. */
const listHosts = (ctx: CommandContext, fleet: Fleet, names: readonly FleetName[]) =>
  Promise.all(
    hostsNamed(names, fleet.hosts).map(async (host): Promise<HostView> => {
      const reach = await fleet.reach(host);
      if (reach.kind === 'down') {
        return reach;
      }
      try {
        const [infos, extras] = await Promise.all([
          reach.api.getAllProcessInfo(),
          ctx.json ? extrasFor(reach.ours) : null,
        ]);
        return { kind: 'listed', host, infos, extras };
      } catch (error) {
        return hostDown(host, error);
      }
    }),
  );

/** The processes each listed host shows, by host name; unknown names are reported. */
const select = (
  ctx: CommandContext,
  views: readonly HostView[],
  names: readonly FleetName[],
): Map<string, ProcessInfo[]> => {
  const listed = views.filter((view): view is HostListing => view.kind === 'listed');
  const shown = new Map(listed.map((view) => [view.host.name, [] as ProcessInfo[]]));
  const everything =
    names.length === 0 || names.some((name) => name.kind === 'every-host' && name.spec === 'all');
  for (const view of listed) {
    if (everything) {
      shown.get(view.host.name)?.push(...view.infos);
    }
  }
  if (everything) {
    return shown;
  }
  for (const name of names) {
    const on = listed.filter((view) => name.kind === 'every-host' || view.host.name === name.host);
    let found = 0;
    for (const view of on) {
      const matching = name.spec === 'all' ? view.infos : matchStatusName(view.infos, name.spec);
      shown.get(view.host.name)?.push(...matching);
      found += matching.length;
    }
    // A name on a host that is down is not unknown: that host's DOWN row says why.
    if (found === 0 && on.length > 0 && name.spec !== 'all') {
      ctx.note(noMatchLine(name.spec, name.typed));
      ctx.setExitStatus(STATUS_EXIT.UNKNOWN);
    }
  }
  return shown;
};

export const runFleetStatus = async (
  ctx: CommandContext,
  fleet: Fleet,
  arg: string,
): Promise<undefined> => {
  const names = parseFleetNames(splitWords(arg), fleet.hosts);
  const views = await listHosts(ctx, fleet, names);
  const shown = select(ctx, views, names);
  const rows = views.flatMap((view): FleetStatusRow[] =>
    view.kind === 'down'
      ? [{ host: view.host.name, down: view.message }]
      : (shown.get(view.host.name) ?? []).map((info) => ({ host: view.host.name, info })),
  );
  if (ctx.json) {
    const document: FleetStatusJson = {
      hosts: views.map((view) => hostJson(view.host, view.kind === 'down' ? view.message : null)),
      processes: views.flatMap((view) =>
        view.kind === 'down'
          ? []
          : (shown.get(view.host.name) ?? []).map((info) => ({
              host: view.host.name,
              ...processJson(info, view.extras),
            })),
      ),
    };
    ctx.out(renderJson(document));
  } else {
    for (const line of renderFleetStatusLines(rows)) {
      ctx.out(line);
    }
  }
  if (rows.some((row) => 'info' in row && isStoppedState(row.info.state))) {
    ctx.setExitStatus(STATUS_EXIT.NOT_RUNNING);
  }
  if (views.some((view) => view.kind === 'down')) {
    ctx.setExitStatus(STATUS_EXIT.UNKNOWN);
  }
  return undefined;
};
