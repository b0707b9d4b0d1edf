// Every kind of section supervisord (daemon and supervisorctl) knows, how it is recognised, and
// the options it reads there (the tables of schema.ts, plus ours): what a config check compares
// section and option names with.

import {
  EVENTLISTENER_POOL_OPTIONS,
  FCGI_SOCKET_OPTIONS,
  GROUP_OPTIONS,
  INCLUDE_OPTIONS,
  INET_HTTP_SERVER_OPTIONS,
  PROCESS_OPTIONS,
  PROGRAM_GROUP_OPTIONS,
  PROGRAM_OPTIONS,
  SUPERVISORCTL_OPTIONS,
  SUPERVISORD_OPTIONS,
  UNIX_HTTP_SERVER_OPTIONS,
} from './schema.js';

/** The options read in a section: a list (in table order), or any name at all. */
export type KnownOptions = readonly string[] | 'any';

export interface SectionKind {
  /**
   * `name` alone is the section ([supervisord]); `name` as a prefix also matches longer names, as
   * the reference matches [unix_http_server…]; `name:x` sections are written `name:…`.
   */
  readonly name: string;
  readonly match: 'exact' | 'prefix' | 'colon';
  readonly options: KnownOptions;
}

const keys = (...tables: readonly object[]): readonly string[] => [
  ...new Set(tables.flatMap((t) => Object.keys(t))),
];

const PROGRAM = keys(PROGRAM_GROUP_OPTIONS, PROGRAM_OPTIONS, PROCESS_OPTIONS);

export const SECTION_KINDS: readonly SectionKind[] = [
  { name: 'supervisord', match: 'exact', options: keys(SUPERVISORD_OPTIONS) },
  { name: 'unix_http_server', match: 'prefix', options: keys(UNIX_HTTP_SERVER_OPTIONS) },
  { name: 'inet_http_server', match: 'prefix', options: keys(INET_HTTP_SERVER_OPTIONS) },
  { name: 'supervisorctl', match: 'exact', options: keys(SUPERVISORCTL_OPTIONS) },
  { name: 'include', match: 'exact', options: keys(INCLUDE_OPTIONS) },
  { name: 'program', match: 'colon', options: PROGRAM },
  { name: 'group', match: 'colon', options: keys(GROUP_OPTIONS) },
  {
    name: 'eventlistener',
    match: 'colon',
    options: keys(EVENTLISTENER_POOL_OPTIONS, PROGRAM_OPTIONS, PROCESS_OPTIONS),
  },
  { name: 'fcgi-program', match: 'colon', options: [...PROGRAM, ...keys(FCGI_SOCKET_OPTIONS)] },
  // Every option but the factory is handed to the factory as a keyword argument.
  { name: 'rpcinterface', match: 'colon', options: 'any' },
  { name: 'ctlplugin', match: 'colon', options: 'any' },
];

/** The kind of section `name` is, or undefined when supervisord would ignore the section. */
export const sectionKindOf = (name: string): SectionKind | undefined =>
  SECTION_KINDS.find((kind) => {
    switch (kind.match) {
      case 'exact':
        return name === kind.name;
      case 'prefix':
        return name.startsWith(kind.name);
      case 'colon':
        return name.startsWith(`${kind.name}:`);
    }
  });
