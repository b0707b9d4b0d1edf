// Every supervisor.* method family, in one list for createRpcService: served when the config
// has [rpcinterface:supervisor].

import type { RpcMethod } from '../method-definition.js';
import type { SupervisorFacade } from '../supervisor-facade.js';
import { configMethods } from './supervisor-config.js';
import { controlMethods } from './supervisor-control.js';
import { infoMethods } from './supervisor-info.js';
import { ioMethods } from './supervisor-io.js';
import { logMethods } from './supervisor-logs.js';
import { stateMethods } from './supervisor-state.js';

export const supervisorMethods = (facade: SupervisorFacade): readonly RpcMethod[] => [
  ...stateMethods(facade),
  ...infoMethods(facade),
  ...controlMethods(facade),
  ...logMethods(facade),
  ...configMethods(facade),
  ...ioMethods(facade),
];
