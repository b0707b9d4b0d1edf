// supervisor.getProcessInfo / getAllProcessInfo (live process state) and getAllConfigInfo (the
// configuration last parsed, including groups not in use). Cheap at thousands of processes:
// one pass over in-memory state, no file system calls.

import type { ProcessGroup } from '../../engine/group.js';
import { defineMethod, type RpcMethod } from '../method-definition.js';
import { param } from '../method-params.js';
import type { SupervisorFacade } from '../supervisor-facade.js';
import { encodeConfigInfo, type LivePaths } from '../../protocol/config-info.js';
import { encodeProcessInfo } from '../../protocol/process-info.js';

const lexically = <T>(items: readonly T[], key: (item: T) => string): T[] =>
  [...items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });

/** Python's sort by name: stable, code-unit order. */
const byName = (a: { name: string }, b: { name: string }): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

export const infoMethods = (facade: SupervisorFacade): readonly RpcMethod[] => {
  const { engine } = facade;
  const nowSec = (): number => Math.floor(facade.wallMs() / 1000);

  /** Paths of a group the engine runs from this very config object (see configInfoStruct). */
  const livePaths = (group: ProcessGroup | undefined, groupConfig: object) => {
    const paths = new Map<string, LivePaths>();
    if (group?.config === groupConfig) {
      for (const process of group.processes) {
        const info = process.info();
        paths.set(info.name, { stdout: info.stdoutLogfile, stderr: info.stderrLogfile });
      }
    }
    return paths;
  };

  return [
    defineMethod({
      name: 'supervisor.getProcessInfo',
      help: 'State and details of one process.\n\n@param string name  process name or `group:name`\n@return struct result  {name, group, start, stop, now, state, statename, spawnerr, exitstatus, logfile, stdout_logfile, stderr_logfile, pid, description}',
      params: [param.string('name')],
      returns: 'struct',
      handler: ([name]) => {
        const found = engine.lookup(name);
        switch (found.kind) {
          case 'bad-name':
            return found.fault;
          case 'group':
            return { fault: 'BAD_NAME', detail: name };
          case 'process':
            return encodeProcessInfo(found.process.info(), nowSec());
        }
      },
    }),
    defineMethod({
      name: 'supervisor.getAllProcessInfo',
      help: 'State and details of every process, sorted by group name, then process name.\n\n@return array result  structs as getProcessInfo returns them',
      params: [],
      returns: 'array',
      handler: () => {
        const now = nowSec();
        return lexically(engine.groups(), (g) => g.name).flatMap((group) =>
          lexically(group.processes, (p) => p.config.name).map((p) =>
            encodeProcessInfo(p.info(), now),
          ),
        );
      },
    }),
    defineMethod({
      name: 'supervisor.getAllConfigInfo',
      help: 'The configuration of every process of the configuration last read, whether its group is in use or not, sorted by process name. Values XML-RPC cannot carry are sent as the strings `none` and `auto`.\n\n@return array result  one struct per process',
      params: [],
      returns: 'array',
      handler: () =>
        facade
          .lastConfig()
          .groups.flatMap((groupConfig) => {
            const group = engine.group(groupConfig.name);
            const live = livePaths(group, groupConfig);
            return groupConfig.processes.map((p) =>
              encodeConfigInfo(groupConfig, p, group !== undefined, live.get(p.name)),
            );
          })
          .sort(byName),
    }),
  ];
};
