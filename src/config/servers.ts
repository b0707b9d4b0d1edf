// [inet_http_server*] and [unix_http_server*] sections (matched by prefix, as the reference does)
// and [rpcinterface:x]: which HTTP servers to open and whether supervisor.* is served.

import { configError } from './errors.js';
import { sectionContext, type LoadContext } from './load-context.js';
import { normalizePath } from './posix-path.js';
import { pyStrip } from './python-str.js';
import { readOptions } from './read-options.js';
import {
  INET_HTTP_SERVER_OPTIONS,
  RPCINTERFACE_FACTORY_KEY,
  RPCINTERFACE_OPTIONS,
  UNIX_HTTP_SERVER_OPTIONS,
} from './schema.js';
import type {
  ConfigError,
  HttpAuth,
  InetHttpServerConfig,
  ParseMessage,
  UnixHttpServerConfig,
} from './types.js';

export interface ServersResult {
  readonly inet: readonly InetHttpServerConfig[];
  readonly unix: readonly UnixHttpServerConfig[];
  readonly errors: readonly ConfigError[];
}

type AuthCheck = { readonly auth: HttpAuth | null } | { readonly error: ConfigError };

const checkAuth = (
  ctx: LoadContext,
  section: string,
  username: string | null,
  password: string | null,
): AuthCheck => {
  if (username !== null && password !== null) {
    return { auth: { username, password } };
  }
  if (username === null && password === null) {
    return { auth: null };
  }
  const { file, line } = sectionContext(ctx, section);
  const message = `Section [${section}] contains incomplete authentication: If a username or a password is specified, both the username and password must be specified`;
  const option = username === null ? 'username' : 'password';
  return { error: configError({ file, line, section, option }, message) };
};

export const buildServers = (ctx: LoadContext): ServersResult => {
  const sections = [...ctx.doc.sections.keys()];
  const inet: InetHttpServerConfig[] = [];
  const unix: UnixHttpServerConfig[] = [];
  const errors: ConfigError[] = [];

  for (const section of sections.filter((s) => s.startsWith('inet_http_server'))) {
    const read = readOptions(INET_HTTP_SERVER_OPTIONS, sectionContext(ctx, section));
    const values = read.ok ? read.values : undefined;
    const { username = null, password = null } = values ?? {};
    const auth = checkAuth(ctx, section, username, password);
    // The reference checks the credentials before the port.
    errors.push(...('error' in auth ? [auth.error] : []), ...(read.ok ? [] : read.errors));
    if (values !== undefined && 'auth' in auth) {
      inet.push({ section, host: values.port.host, port: values.port.port, auth: auth.auth });
    }
  }

  for (const section of sections.filter((s) => s.startsWith('unix_http_server'))) {
    const read = readOptions(UNIX_HTTP_SERVER_OPTIONS, sectionContext(ctx, section));
    if (!read.ok) {
      errors.push(...read.errors);
      continue;
    }
    const { file, username, password, chown, chmod } = read.values;
    const auth = checkAuth(ctx, section, username, password);
    if ('error' in auth) {
      errors.push(auth.error);
      continue;
    }
    const path = normalizePath(pyStrip(file), ctx.host.cwd, ctx.convert.homes);
    unix.push({ section, file: path, chmod, chown, auth: auth.auth });
  }
  return { inet, unix, errors };
};

const STANDARD_FACTORY = 'supervisor.rpcinterface:make_main_rpcinterface';

export interface RpcInterfacesResult {
  readonly supervisorRpcEnabled: boolean;
  readonly messages: readonly ParseMessage[];
  readonly errors: readonly ConfigError[];
}

/** `[rpcinterface:supervisor]` with the standard factory enables supervisor.*; others are ignored. */
export const readRpcInterfaces = (ctx: LoadContext): RpcInterfacesResult => {
  let enabled = false;
  const messages: ParseMessage[] = [];
  const errors: ConfigError[] = [];
  for (const section of [...ctx.doc.sections.keys()].filter((s) => s.startsWith('rpcinterface:'))) {
    const read = readOptions(RPCINTERFACE_OPTIONS, sectionContext(ctx, section));
    if (!read.ok) {
      errors.push(...read.errors);
      continue;
    }
    const name = section.slice('rpcinterface:'.length);
    const factory = read.values[RPCINTERFACE_FACTORY_KEY].trim().replace(/\s*:\s*/, ':');
    if (name === 'supervisor' && factory === STANDARD_FACTORY) {
      enabled = true;
    } else {
      messages.push({
        level: 'warn',
        text: `[${section}] (${factory}) is not supported by tssupervisor and is ignored: only [rpcinterface:supervisor] with ${STANDARD_FACTORY} is served`,
      });
    }
  }
  return { supervisorRpcEnabled: enabled, messages, errors };
};
