// Ours: the ctl's fleet, one [supervisorctl:NAME] section per daemon (serverurl, username,
// password, as in [supervisorctl]), read in file order. supervisord and supervisorctl ignore them.

import { fleetHostNameProblem } from '../model/fleet-host-name.js';
import { absoluteServerUrl } from './ctl-server-url.js';
import { configError } from './errors.js';
import { sectionContext, type LoadContext } from './load-context.js';
import { pyRepr } from './python-str.js';
import { readOptions } from './read-options.js';
import { SUPERVISORCTL_HOST_OPTIONS } from './schema.js';
import type { ConfigError, FleetHostConfig } from './types.js';

const PREFIX = 'supervisorctl:';

export type FleetRead =
  | { readonly ok: true; readonly fleet: readonly FleetHostConfig[] }
  | { readonly ok: false; readonly errors: readonly ConfigError[] };

export const readFleetSections = (ctx: LoadContext): FleetRead => {
  const fleet: FleetHostConfig[] = [];
  const errors: ConfigError[] = [];
  for (const section of ctx.doc.sections.values()) {
    if (!section.name.startsWith(PREFIX)) {
      continue;
    }
    const name = section.name.slice(PREFIX.length);
    const where = ` in section ${pyRepr(section.name)} (file: ${pyRepr(section.file)}, line ${section.line})`;
    const problem = fleetHostNameProblem(name);
    if (problem !== null) {
      const at = { file: section.file, line: section.line, section: section.name };
      errors.push(configError(at, `${problem}${where}`));
      continue;
    }
    const read = readOptions(SUPERVISORCTL_HOST_OPTIONS, {
      ...sectionContext(ctx, section.name),
      suffix: where,
    });
    if (!read.ok) {
      errors.push(...read.errors);
      continue;
    }
    const { serverurl, username, password } = read.values;
    fleet.push({ name, serverUrl: absoluteServerUrl(serverurl, ctx), username, password });
  }
  return errors.length === 0 ? { ok: true, fleet } : { ok: false, errors };
};
