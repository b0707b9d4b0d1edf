// Process names as clients write them: `group:process`, `group:*` / `group:` for a whole group,
// or a bare `name` meaning process `name` in group `name` (supervisord's split/make_namespec).

export interface Namespec {
  readonly group: string;
  /** null for a whole group (`g:*` or `g:`). */
  readonly process: string | null;
}

/** Splits on the first colon, as supervisord does. */
export const splitNamespec = (namespec: string): Namespec => {
  const colon = namespec.indexOf(':');
  if (colon < 0) {
    return { group: namespec, process: namespec };
  }
  const process = namespec.slice(colon + 1);
  return {
    group: namespec.slice(0, colon),
    process: process === '' || process === '*' ? null : process,
  };
};

/** `name` when the process is alone in a group of the same name, else `group:name`. */
export const makeNamespec = (group: string, process: string): string =>
  group === process ? process : `${group}:${process}`;
