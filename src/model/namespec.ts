// Namespecs, supervisord's way of naming a process (`group:process`, or just `name` when the
// group and the process share it) or a whole group (`group:` or `group:*`): the engine looks
// processes up by them and every client writes them, so they live here, once.

export const makeNamespec = (groupName: string, processName: string): string =>
  groupName === processName ? processName : `${groupName}:${processName}`;

export interface ParsedNamespec {
  readonly groupName: string;
  /** null: the whole group */
  readonly processName: string | null;
}

/** Splits on the first colon; a name without one means group = process = name. */
export const parseNamespec = (namespec: string): ParsedNamespec => {
  const colon = namespec.indexOf(':');
  if (colon < 0) {
    return { groupName: namespec, processName: namespec };
  }
  const processName = namespec.slice(colon + 1);
  return {
    groupName: namespec.slice(0, colon),
    processName: processName === '' || processName === '*' ? null : processName,
  };
};
