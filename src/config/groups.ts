// All process groups in the reference's order of work: [group:x] (with their member programs),
// the remaining [program:x], [eventlistener:x] pools; [fcgi-program:x] is refused. Sorted at the end.

import { configError } from './errors.js';
import { readEventListenerPool } from './eventlistener-pool.js';
import { iniGet } from './ini.js';
import { sectionContext, sectionFile, type LoadContext } from './load-context.js';
import { processesFromSection } from './programs.js';
import { compareCodePoints, InvalidValue } from './python-str.js';
import { readOptions } from './read-options.js';
import { GROUP_OPTIONS, PROGRAM_GROUP_OPTIONS } from './schema.js';
import type { ConfigError, GroupConfig, ProcessConfig } from './types.js';
import { toName } from './values.js';

export interface GroupsResult {
  readonly groups: readonly GroupConfig[];
  readonly warnings: readonly string[];
  readonly errors: readonly ConfigError[];
}

const suffixOf = (section: string): string => section.slice(section.indexOf(':') + 1);

export const buildGroups = (ctx: LoadContext): GroupsResult => {
  const sections = [...ctx.doc.sections.keys()];
  const has = (name: string): boolean => ctx.doc.sections.has(name);
  const groups: GroupConfig[] = [];
  const warnings: string[] = [];
  const errors: ConfigError[] = [];
  const members = new Set<string>();

  const source = (section: string): GroupConfig['source'] => ({
    file: sectionFile(ctx, section),
    line: ctx.doc.sections.get(section)?.line ?? 0,
  });
  const sectionError = (section: string, message: string, option: string | null = null): void => {
    const found = option === null ? undefined : iniGet(ctx.doc, section, option);
    const at = found ?? source(section);
    errors.push(
      configError(
        { file: at.file, line: at.line, section, option, value: found?.text ?? null },
        message,
      ),
    );
  };
  const validName = (section: string): string | undefined => {
    try {
      return toName(suffixOf(section), ctx.convert);
    } catch (error) {
      if (!(error instanceof InvalidValue)) {
        throw error;
      }
      sectionError(section, error.message);
      return undefined;
    }
  };
  const processesOf = (
    section: string,
    groupName: string,
  ): readonly ProcessConfig[] | undefined => {
    const built = processesFromSection(ctx, section, groupName);
    if (!built.ok) {
      errors.push(...built.errors);
      return undefined;
    }
    warnings.push(...built.warnings);
    return built.processes;
  };

  for (const section of sections.filter((s) => s.startsWith('group:'))) {
    const name = validName(section);
    const read = readOptions(GROUP_OPTIONS, sectionContext(ctx, section));
    if (name === undefined || !read.ok) {
      errors.push(...(read.ok ? [] : read.errors));
      continue;
    }
    const processes: ProcessConfig[] = [];
    // The reference names the previous member's section once one has been seen (its quirk).
    let named = section;
    let complete = true;
    for (const program of read.values.programs) {
      const asProgram = `program:${program}`;
      const asFcgi = `fcgi-program:${program}`;
      if (!has(asProgram) && !has(asFcgi)) {
        sectionError(
          section,
          `[${named}] names unknown program or fcgi-program ${program}`,
          'programs',
        );
        complete = false;
        break;
      }
      if (has(asProgram) && has(asFcgi)) {
        sectionError(
          section,
          `[${named}] name ${program} is ambiguous (exists as program and fcgi-program)`,
          'programs',
        );
        complete = false;
        break;
      }
      named = has(asProgram) ? asProgram : asFcgi;
      members.add(named);
      // fcgi members are reported once, with their own section, below.
      const built = named === asProgram ? processesOf(named, name) : [];
      complete &&= built !== undefined;
      processes.push(...(built ?? []));
    }
    if (complete) {
      groups.push({
        name,
        kind: 'group',
        priority: read.values.priority,
        processes,
        eventListener: null,
        source: source(section),
      });
    }
  }

  for (const section of sections.filter((s) => s.startsWith('program:') && !members.has(s))) {
    const name = validName(section);
    const read = readOptions(PROGRAM_GROUP_OPTIONS, sectionContext(ctx, section));
    if (name === undefined || !read.ok) {
      errors.push(...(read.ok ? [] : read.errors));
      continue;
    }
    const processes = processesOf(section, name);
    if (processes !== undefined) {
      groups.push({
        name,
        kind: 'program',
        priority: read.values.priority,
        processes,
        eventListener: null,
        source: source(section),
      });
    }
  }

  for (const section of sections.filter((s) => s.startsWith('eventlistener:'))) {
    // A pool's name is not checked here; its processes' program_name is.
    const name = suffixOf(section);
    const pool = readEventListenerPool(ctx, section);
    if (!pool.ok) {
      errors.push(...pool.errors);
      continue;
    }
    const processes = processesOf(section, name);
    if (processes !== undefined) {
      groups.push({
        name,
        kind: 'eventlistener',
        priority: pool.priority,
        processes,
        eventListener: pool.settings,
        source: source(section),
      });
    }
  }

  for (const section of sections.filter((s) => s.startsWith('fcgi-program:'))) {
    sectionError(
      section,
      `[${section}] is not supported by tssupervisor (FastCGI programs are not implemented); remove the section or run it as a [program:x]`,
    );
  }

  groups.sort((a, b) => a.priority - b.priority || compareCodePoints(a.name, b.name));
  return { groups, warnings, errors };
};
