// Converters from option text to typed values, with the reference's acceptance rules and error
// texts (spec §1.5). Each throws InvalidValue; the loader adds section and file.

import { isLogLevel, type LogLevel } from '../model/log-level.js';
import { signalByName, signalByNumber, type SignalName } from '../model/signals.js';
import type { ConfigHost } from './host.js';
import { abspath, dirname, expanduser, type HomeLookup } from './posix-path.js';
import { InvalidValue, pyInt, pyIntOctal, pyRepr, pyStrip } from './python-str.js';
import type { AutoRestart, LogfileSetting, UserSpec } from './types.js';

export { parseEnvironment as toEnvironment } from './environment-pairs.js';

export interface ConvertContext {
  readonly host: ConfigHost;
  readonly homes: HomeLookup;
}

export type Converter<T> = (raw: string, ctx: ConvertContext) => T;

const TRUTHY = ['yes', 'true', 'on', '1'];
const FALSY = ['no', 'false', 'off', '0'];

export const toText: Converter<string> = (raw) => raw;

export const toBoolean: Converter<boolean> = (raw) => {
  const lowered = raw.toLowerCase();
  if (TRUTHY.includes(lowered)) {
    return true;
  }
  if (FALSY.includes(lowered)) {
    return false;
  }
  throw new InvalidValue(`not a valid boolean value: ${pyRepr(raw)}`);
};

export const toInteger: Converter<number> = (raw) => pyInt(raw);

const BYTE_SUFFIXES: Readonly<Record<string, number>> = {
  kb: 1024,
  mb: 1024 ** 2,
  gb: 1024 ** 3,
};

/** `10MB`, `5 kb`, `1024`: the number part must be an int (the error quotes it lower-cased). */
export const toByteSize: Converter<number> = (raw) => {
  const lowered = raw.toLowerCase();
  const multiplier = BYTE_SUFFIXES[lowered.slice(-2)];
  if (lowered.length >= 2 && multiplier !== undefined) {
    return pyInt(lowered.slice(0, -2)) * multiplier;
  }
  return pyInt(lowered);
};

export const toOctal: Converter<number> = (raw) => {
  const value = pyIntOctal(raw);
  if (value === undefined) {
    throw new InvalidValue(`${raw} can not be converted to an octal type`);
  }
  return value;
};

/**
 * A signal name (with or without SIG, any case) or number. Unlike the reference, 0 and the
 * SIG_DFL/SIG_IGN handler constants are refused: they are not signals.
 */
export const toSignal: Converter<SignalName> = (raw) => {
  let number: number | undefined;
  try {
    number = pyInt(raw);
  } catch {
    const named = signalByName(pyStrip(raw));
    if (named === undefined) {
      throw new InvalidValue(`value ${pyRepr(raw)} is not a valid signal name`);
    }
    return named;
  }
  const byNumber = signalByNumber(number);
  if (byNumber === undefined) {
    throw new InvalidValue(`value ${pyRepr(raw)} is not a valid signal number`);
  }
  return byNumber;
};

export const toExitCodes: Converter<number[]> = (raw) => {
  if (raw === '') {
    return [];
  }
  try {
    return raw.split(',').map((part) => {
      const code = pyInt(part);
      if (code < 0 || code > 255) {
        throw new InvalidValue(`Invalid exit code "${code}"`);
      }
      return code;
    });
  } catch {
    throw new InvalidValue(`not a valid list of exit codes: ${pyRepr(raw)}`);
  }
};

export const toLogLevel: Converter<LogLevel> = (raw) => {
  const lowered = raw.toLowerCase();
  if (!isLogLevel(lowered)) {
    throw new InvalidValue(`bad logging level name ${pyRepr(raw)}`);
  }
  return lowered;
};

const toPortNumber = (raw: string): number => {
  const port = pyInt(raw);
  if (port < 1) {
    throw new InvalidValue(`${port} is below lower bound (1)`);
  }
  if (port > 65535) {
    throw new InvalidValue(`${port} is above upper bound (65535)`);
  }
  return port;
};

export interface InetAddress {
  /** '' for all interfaces */
  readonly host: string;
  readonly port: number;
}

/** `port`, `host:port`, `*:port`, `:port` (the host is lower-cased). */
export const toInetAddress: Converter<InetAddress> = (raw) => {
  const colon = raw.lastIndexOf(':');
  if (colon === -1) {
    try {
      return { host: '', port: toPortNumber(raw) };
    } catch {
      throw new InvalidValue(`not a valid port number: ${pyRepr(raw)} `);
    }
  }
  const portText = raw.slice(colon + 1);
  if (portText === '') {
    throw new InvalidValue(`no port number specified in ''`);
  }
  const port = toPortNumber(portText);
  const host = raw.slice(0, colon).toLowerCase();
  return { host: host === '*' ? '' : host, port };
};

export const toExistingDirectory: Converter<string> = (raw, { host, homes }) => {
  const expanded = expanduser(raw, homes);
  if (host.isDirectory(abspath(expanded, host.cwd))) {
    return expanded;
  }
  throw new InvalidValue(`${raw} is not an existing directory`);
};

/** A file path whose directory must exist; returned `~`-expanded but not made absolute. */
export const toExistingDirpath: Converter<string> = (raw, { host, homes }) => {
  const expanded = expanduser(raw, homes);
  const dir = dirname(expanded);
  if (dir === '' || host.isDirectory(abspath(dir, host.cwd))) {
    return expanded;
  }
  throw new InvalidValue(`The directory named as part of the path ${raw} does not exist`);
};

/** A logfile option: AUTO, NONE/OFF, the deprecated `syslog`, or a path. */
export type LogfileValue = LogfileSetting | { readonly kind: 'syslog' };

export const toLogfile: Converter<LogfileValue> = (raw, ctx) => {
  switch (raw.toLowerCase()) {
    case 'none':
    case 'off':
      return { kind: 'none' };
    case 'auto':
      return { kind: 'auto' };
    case 'syslog':
      return { kind: 'syslog' };
    default:
      return { kind: 'path', path: toExistingDirpath(raw, ctx) };
  }
};

/** Program, group and process names: no space, `:` or `/` (they break URLs and protocols). */
export const toName: Converter<string> = (raw) => {
  const name = pyStrip(raw);
  for (const ch of [' ', ':', '/']) {
    if (name.includes(ch)) {
      throw new InvalidValue(`Invalid name: ${pyRepr(raw)} because of character: ${pyRepr(ch)}`);
    }
  }
  return name;
};

const parseId = (raw: string): number | undefined => {
  try {
    return pyInt(raw);
  } catch {
    return undefined;
  }
};

/** A user name or numeric uid that exists (name_to_uid), resolved to name, uid and gid. */
export const toUser: Converter<UserSpec> = (raw, { host }) => {
  const uid = parseId(raw);
  const user = uid === undefined ? host.lookupUserByName(raw) : host.lookupUserById(uid);
  if (user === undefined) {
    throw new InvalidValue(
      uid === undefined ? `Invalid user name ${raw}` : `Invalid user id ${raw}`,
    );
  }
  return user;
};

export interface Ownership {
  readonly uid: number;
  /** -1 when only a user was given: the group is left unchanged */
  readonly gid: number;
}

const toGroupId = (raw: string, host: ConfigHost): number | undefined => {
  const gid = parseId(raw);
  if (gid === undefined) {
    return host.lookupGroupByName(raw);
  }
  return host.lookupGroupById(gid) ? gid : undefined;
};

/** `user` or `user:group`, names or ids, both must exist. */
export const toOwnership: Converter<Ownership> = (raw, ctx) => {
  const colon = raw.indexOf(':');
  const userPart = colon === -1 ? raw : raw.slice(0, colon);
  let uid: number;
  try {
    uid = toUser(userPart, ctx).uid;
  } catch {
    throw new InvalidValue(`Invalid user:group definition ${raw}`);
  }
  const gid = colon === -1 ? -1 : toGroupId(raw.slice(colon + 1), ctx.host);
  if (gid === undefined) {
    throw new InvalidValue(`Invalid user:group definition ${raw}`);
  }
  return { uid, gid };
};

export const toAutorestart: Converter<AutoRestart> = (raw) => {
  const lowered = raw.toLowerCase();
  if (TRUTHY.includes(lowered)) {
    return 'always';
  }
  if (FALSY.includes(lowered)) {
    return 'never';
  }
  if (lowered === 'unexpected') {
    return 'unexpected';
  }
  throw new InvalidValue(`invalid 'autorestart' value ${pyRepr(lowered)}`);
};

/** Comma-separated, each item stripped; an empty value is an empty list. */
export const toListOfStrings: Converter<string[]> = (raw) =>
  raw === '' ? [] : raw.split(',').map(pyStrip);

/** Replaces a converter's message with the reference's wrapper text (`Invalid chmod value x`). */
export const withMessage =
  <T>(convert: Converter<T>, message: (raw: string) => string): Converter<T> =>
  (raw, ctx) => {
    try {
      return convert(raw, ctx);
    } catch (error) {
      if (error instanceof InvalidValue) {
        throw new InvalidValue(message(raw));
      }
      throw error;
    }
  };

/**
 * A program's serverurl=: AUTO (any case) → null, "this supervisord's own URL". Anything else is
 * kept; an empty value means the child gets no SUPERVISOR_SERVER_URL at all, as in the reference.
 */
export const toServerUrl: Converter<string | null> = (raw) =>
  pyStrip(raw).toUpperCase() === 'AUTO' ? null : raw;
