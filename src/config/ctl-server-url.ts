// A ctl server URL as read from a config file: a unix:// socket path is made absolute (from
// the current directory, `~` expanded); any other URL is kept as written.

import type { LoadContext } from './load-context.js';
import { normalizePath } from './posix-path.js';

export const absoluteServerUrl = (url: string, ctx: LoadContext): string =>
  url.startsWith('unix://')
    ? `unix://${normalizePath(url.slice('unix://'.length), ctx.host.cwd, ctx.convert.homes)}`
    : url;
