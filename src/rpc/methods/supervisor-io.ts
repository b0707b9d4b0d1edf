// supervisor.sendProcessStdin (characters to a child's stdin, UTF-8 encoded) and
// supervisor.sendRemoteCommEvent (a REMOTE_COMMUNICATION event for listeners; served even while
// the daemon shuts down).

import { defineMethod, type RpcMethod } from '../method-definition.js';
import { param } from '../method-params.js';
import { pythonFloatRepr } from '../../protocol/xmlrpc/python-float-repr.js';
import type { SupervisorFacade } from '../supervisor-facade.js';
import { XmlRpcDouble, type XmlRpcValue } from '../../protocol/xmlrpc/xmlrpc-value.js';
import { asGiven } from './status-structs.js';

/** supervisord names the offending value: `INCORRECT_PARAMETERS: 5`. */
const notText = (chars: XmlRpcValue) => {
  if (typeof chars === 'number') {
    return { fault: 'INCORRECT_PARAMETERS', detail: String(chars) } as const;
  }
  if (typeof chars === 'boolean') {
    return { fault: 'INCORRECT_PARAMETERS', detail: chars ? 'True' : 'False' } as const;
  }
  if (chars instanceof XmlRpcDouble) {
    return { fault: 'INCORRECT_PARAMETERS', detail: pythonFloatRepr(chars.value) } as const;
  }
  return { fault: 'INCORRECT_PARAMETERS' } as const;
};

export const ioMethods = (facade: SupervisorFacade): readonly RpcMethod[] => [
  defineMethod({
    name: 'supervisor.sendProcessStdin',
    help: "Write characters to a process's stdin, encoded as UTF-8.\n\n@param string name  process name or `group:name`\n@param string chars  the characters to send\n@return boolean result  true",
    // Checked by the handler: supervisord checks chars before it looks the process up.
    params: [param.string('name'), param.any('chars', 'string')],
    returns: 'boolean',
    handler: ([name, chars]) => {
      if (typeof chars !== 'string') {
        return notText(chars);
      }
      const found = facade.engine.lookup(name);
      switch (found.kind) {
        case 'bad-name':
          return found.fault;
        case 'group':
          return { fault: 'BAD_NAME', detail: name };
        case 'process':
          return asGiven(found.process.writeStdin(chars), found.process, name) ?? true;
      }
    },
  }),
  defineMethod({
    name: 'supervisor.sendRemoteCommEvent',
    help: 'Publish a REMOTE_COMMUNICATION event to the event listeners that subscribe to it.\n\n@param string type  the "type" field of the event header\n@param string data  the event body\n@return boolean result  true',
    params: [param.string('type'), param.string('data')],
    returns: 'boolean',
    servesDuringShutdown: true,
    handler: ([type, data]) => {
      facade.publish({ type: 'REMOTE_COMMUNICATION', commType: type, data });
      return true;
    },
  }),
];
