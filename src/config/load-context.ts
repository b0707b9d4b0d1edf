// What every section builder needs while one config is being loaded: the merged INI document,
// the host, the main file's name and directory, and the ENV_* names known so far.

import { envNames, scopeNames, type ExpansionNames, type ScopeValues } from './expand.js';
import type { ConfigHost } from './host.js';
import type { IniDocument } from './ini.js';
import type { HomeLookup } from './posix-path.js';
import type { SectionContext } from './read-options.js';
import type { ConvertContext } from './values.js';

export interface LoadContext {
  readonly host: ConfigHost;
  readonly convert: ConvertContext;
  readonly doc: IniDocument;
  /** the main file as given: the reference names it this way in messages */
  readonly mainFile: string;
  /** absolute directory of the main file */
  readonly here: string;
  /** ENV_* names: the environment at startup, later plus [supervisord] environment= */
  readonly env: ExpansionNames;
}

export const homesOf = (host: ConfigHost): HomeLookup => ({
  home: host.env['HOME'],
  homeOf: (user) => host.lookupUserByName(user)?.home,
});

export const convertContext = (host: ConfigHost): ConvertContext => ({
  host,
  homes: homesOf(host),
});

export const startupEnvNames = (host: ConfigHost): ExpansionNames => envNames(host.env);

/** The file a section came from (the file that first opened it), as the reference names it. */
export const sectionFile = (ctx: LoadContext, section: string): string =>
  ctx.doc.sections.get(section)?.file ?? ctx.mainFile;

export const sectionContext = (
  ctx: LoadContext,
  section: string,
  extra: Partial<ScopeValues> = {},
  suffix = '',
): SectionContext => {
  const header = ctx.doc.sections.get(section);
  const values: ScopeValues = {
    env: ctx.env,
    here: ctx.here,
    hostNodeName: ctx.host.hostname,
    ...extra,
  };
  return {
    doc: ctx.doc,
    section,
    convert: ctx.convert,
    names: (scope) => scopeNames(scope, values),
    suffix,
    file: header?.file ?? ctx.mainFile,
    line: header?.line ?? null,
  };
};
