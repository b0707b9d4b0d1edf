// supervisor.reloadConfig (re-read the file and compare it with the groups in use; nothing is
// applied), addProcessGroup (from the config last read) and removeProcessGroup.

import { diffConfigs } from '../../config/diff.js';
import { encodeConfigChanges } from '../../protocol/config-changes.js';
import { defineMethod, type RpcMethod } from '../method-definition.js';
import { param } from '../method-params.js';
import type { SupervisorFacade } from '../supervisor-facade.js';

export const configMethods = (facade: SupervisorFacade): readonly RpcMethod[] => [
  defineMethod({
    name: 'supervisor.reloadConfig',
    help: 'Read the configuration file again and compare its groups with the groups in use. Nothing is started or stopped: addProcessGroup and removeProcessGroup apply the changes.\n\n@return array result  [[added, changed, removed]]: three arrays of group names',
    params: [],
    returns: 'array',
    handler: () => {
      const reread = facade.rereadConfig();
      if (!reread.ok) {
        return { fault: 'CANT_REREAD', detail: reread.message };
      }
      // Against the groups in use, not the previous file: a reread without update reports the
      // same changes again. [supervisord] environment= is not compared (as in supervisord): the
      // running daemon keeps the one it started with until a full restart.
      return encodeConfigChanges(
        diffConfigs(
          facade.engine.groups().map((g) => g.config),
          reread.config.groups,
        ),
      );
    },
  }),
  defineMethod({
    name: 'supervisor.addProcessGroup',
    help: 'Put a group of the configuration last read into use; its autostart processes start.\n\n@param string name  the group name\n@return boolean result  true',
    params: [param.string('name')],
    returns: 'boolean',
    handler: async ([name]) => {
      const config = facade.lastConfig().groups.find((g) => g.name === name);
      if (config === undefined) {
        return { fault: 'BAD_NAME', detail: name };
      }
      return (await facade.addGroup(config)) ?? true;
    },
  }),
  defineMethod({
    name: 'supervisor.removeProcessGroup',
    help: 'Take a group out of use. Every process of it must be stopped.\n\n@param string name  the group name\n@return boolean result  true',
    params: [param.string('name')],
    returns: 'boolean',
    handler: ([name]) => facade.engine.removeGroup(name) ?? true,
  }),
];
