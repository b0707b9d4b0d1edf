// supervisor.* about the daemon itself: versions, identification, state, pid, and the shutdown
// and restart requests (which answer before anything stops).

import { SUPERVISOR_STATE_CODES } from '../../model/supervisor-state.js';
import { SUPERVISOR_VERSION } from '../../model/versions.js';
import { defineMethod, type RpcMethod } from '../method-definition.js';
import type { SupervisorFacade } from '../supervisor-facade.js';

/** The XML-RPC API version supervisord 3.0+ reports; supervisorctl checks it on every command. */
export const API_VERSION = '3.0';

export const stateMethods = (facade: SupervisorFacade): readonly RpcMethod[] => [
  defineMethod({
    name: 'supervisor.getAPIVersion',
    aliases: ['supervisor.getVersion'],
    help: 'The version of the XML-RPC API this daemon serves.\n\n@return string version  the API version',
    params: [],
    returns: 'string',
    handler: () => API_VERSION,
  }),
  defineMethod({
    name: 'supervisor.getSupervisorVersion',
    help: 'The supervisord version whose behaviour this daemon reproduces.\n\n@return string version  the version',
    params: [],
    returns: 'string',
    handler: () => SUPERVISOR_VERSION,
  }),
  defineMethod({
    name: 'supervisor.getIdentification',
    help: 'The identifier of this daemon ([supervisord] identifier).\n\n@return string identifier  the identifier',
    params: [],
    returns: 'string',
    handler: () => facade.identification,
  }),
  defineMethod({
    name: 'supervisor.getState',
    help: 'The state of the daemon.\n\n@return struct result  {statecode: int, statename: string}, e.g. {1, RUNNING}',
    params: [],
    returns: 'struct',
    handler: () => {
      const mood = facade.engine.mood;
      return { statecode: SUPERVISOR_STATE_CODES[mood], statename: mood };
    },
  }),
  defineMethod({
    name: 'supervisor.getPID',
    help: 'The process id of the daemon.\n\n@return int pid  the pid',
    params: [],
    returns: 'int',
    handler: () => facade.pid,
  }),
  defineMethod({
    name: 'supervisor.shutdown',
    help: 'Stop every process and exit. Answers at once; the processes are stopped afterwards.\n\n@return boolean result  true',
    params: [],
    returns: 'boolean',
    handler: () => {
      facade.requestLifecycle('shutdown');
      return true;
    },
  }),
  defineMethod({
    name: 'supervisor.restart',
    help: 'Stop every process, read the configuration again and start afresh in the same daemon process. Answers at once.\n\n@return boolean result  true',
    params: [],
    returns: 'boolean',
    handler: () => {
      facade.requestLifecycle('restart');
      return true;
    },
  }),
];
