// SUPERVISOR_SERVER_URL for children: the first unix server's socket, else the first inet
// server as http://host:port (localhost when it listens on every interface), else none.

import type { Config } from '../config/types.js';

export const childServerUrl = (config: Config): string | null => {
  const [unix] = config.unixHttpServers;
  if (unix !== undefined) {
    return `unix://${unix.file}`;
  }
  const [inet] = config.inetHttpServers;
  if (inet !== undefined) {
    return `http://${inet.host === '' ? 'localhost' : inet.host}:${inet.port}`;
  }
  return null;
};
