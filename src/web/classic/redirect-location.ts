// Where an action redirects: supervisord's `http://<Host>/?message=<quoted message>`. Without a
// usable Host header (an HTTP/1.0 client) the redirect is relative, `/?message=...`, which
// every client resolves against the URL it asked for.

import { pythonQuote } from '../url-quote.js';

/** host, IPv4, or [IPv6], with an optional port: nothing that could end the URL's authority. */
const PLAIN_HOST = /^(?:[A-Za-z0-9._~-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$/;

export const redirectLocation = (host: string | undefined, message: string): string => {
  const path = `/?message=${pythonQuote(message)}`;
  return host !== undefined && PLAIN_HOST.test(host) ? `http://${host}${path}` : path;
};
