// tssupervisor.getProcessDetail's struct, both sides: the server's encoder (one process's command,
// directory, user, configured environment with secret-looking values masked before they leave
// the daemon, and its process tree with each member's CPU and memory) and the clients' reader.

import type { MemberUsage, TreeUsage } from '../ports/process-stats.js';
import { readStruct, type WireValue } from './wire-value.js';
import { INT32_MAX, XmlRpcDouble } from './xmlrpc/xmlrpc-value.js';

/** What stands for a masked value: the same whatever its length. */
export const MASKED = '********';

/** Names whose values are not shown: parts like PASSWORD, SECRET, TOKEN, KEY, … */
const SECRET_NAME = /PASS|SECRET|TOKEN|KEY|CREDENTIAL|AUTH|PRIVATE|SIGNATURE|SALT|COOKIE|SESSION/i;
/** The password of a URL with credentials (`postgres://app:hunter2@db/app`). */
const URL_PASSWORD = /^([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@\s]*@/i;

export const looksSecret = (name: string): boolean => SECRET_NAME.test(name);

/** A value as it may be shown: masked whole under a secret-looking name, else a URL's password. */
export const maskedValue = (name: string, value: string): string =>
  looksSecret(name) ? MASKED : value.replace(URL_PASSWORD, `$1${MASKED}@`);

export interface ProcessDetailFacts {
  readonly name: string;
  readonly group: string;
  readonly command: string;
  readonly directory: string | null;
  /** user= (null: runs as the daemon's user) */
  readonly user: string | null;
  /** [supervisord] environment= overlaid by the program's own, as configured */
  readonly environment: Readonly<Record<string, string>>;
}

export type ProcessTreeMemberStruct = {
  readonly pid: number;
  readonly ppid: number;
  readonly name: string;
  readonly cpu_percent: XmlRpcDouble;
  readonly rss_kb: number;
};

export type ProcessDetailStruct = {
  readonly name: string;
  readonly group: string;
  readonly command: string;
  /** '' when none is set (the daemon's own) */
  readonly directory: string;
  /** '' when none is set (the daemon's user) */
  readonly user: string;
  /** `NAME=value`, sorted by name, secret-looking values masked */
  readonly environment: readonly string[];
  /** the root first, then its descendants breadth first; empty when nothing runs */
  readonly tree: readonly ProcessTreeMemberStruct[];
};

export type ProcessTreeMember = Omit<ProcessTreeMemberStruct, 'cpu_percent'> & {
  readonly cpu_percent: number;
};

/** As a client reads it: each member's cpu_percent a plain number. */
export type ProcessDetailInfo = Omit<ProcessDetailStruct, 'tree'> & {
  readonly tree: readonly ProcessTreeMember[];
};

const memberStruct = (member: MemberUsage): ProcessTreeMemberStruct => ({
  pid: member.pid,
  ppid: member.ppid,
  name: member.name,
  cpu_percent: new XmlRpcDouble(Math.round(member.cpuPercent * 10) / 10),
  rss_kb: Math.min(INT32_MAX, Math.round(member.rssBytes / 1024)),
});

/** `usage` is undefined when nothing runs or the tree could not be read. */
export const encodeProcessDetail = (
  facts: ProcessDetailFacts,
  usage: TreeUsage | undefined,
): ProcessDetailStruct => ({
  name: facts.name,
  group: facts.group,
  command: facts.command,
  directory: facts.directory ?? '',
  user: facts.user ?? '',
  environment: Object.keys(facts.environment)
    .sort()
    .map((name) => `${name}=${maskedValue(name, facts.environment[name] ?? '')}`),
  tree: (usage?.members ?? []).map(memberStruct),
});

const readMember = (method: string, value: WireValue): ProcessTreeMember => {
  const s = readStruct(method, value);
  return {
    pid: s.int('pid'),
    ppid: s.int('ppid'),
    name: s.string('name'),
    cpu_percent: s.number('cpu_percent'),
    rss_kb: s.int('rss_kb'),
  };
};

export const readProcessDetail = (method: string, value: WireValue): ProcessDetailInfo => {
  const s = readStruct(method, value);
  return {
    name: s.string('name'),
    group: s.string('group'),
    command: s.string('command'),
    directory: s.string('directory'),
    user: s.string('user'),
    environment: s.stringArray('environment'),
    tree: s.structArray('tree').map((member) => readMember(method, member)),
  };
};
