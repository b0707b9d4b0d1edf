// The real DatagramConnector: unix datagram sockets through libc (libc.ts), which Node's dgram
// module does not offer. Errors are errno names; without koffi every connect fails with a reason.

import { constants } from 'node:os';

import type {
  DatagramConnection,
  DatagramConnector,
  DatagramFailure,
} from '../ports/datagram-socket.js';
import { loadLibc } from './libc.js';

const errnoNames = new Map<number, string>(
  Object.entries(constants.errno).map(([name, value]) => [value, name]),
);

const failure = (errno: number): DatagramFailure => ({
  ok: false,
  code: errnoNames.get(errno) ?? `errno ${errno}`,
});

export const unixDatagramConnector: DatagramConnector = {
  connect: (path) => {
    const loaded = loadLibc();
    if (!loaded.ok) {
      return { ok: false, code: `no unix datagram sockets: ${loaded.why}` };
    }
    const { libc } = loaded;
    const fd = libc.connectUnixDatagram(path);
    if (fd < 0) {
      return failure(-fd);
    }
    let open = true;
    const connection: DatagramConnection = {
      send: (datagram) => {
        if (!open) {
          return failure(constants.errno.EBADF);
        }
        const errno = libc.sendDatagram(fd, datagram);
        return errno === 0 ? { ok: true } : failure(errno);
      },
      close: () => {
        if (open) {
          open = false;
          libc.closeFd(fd);
        }
      },
    };
    return { ok: true, connection };
  },
};
