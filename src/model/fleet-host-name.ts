// What a daemon of a ctl fleet may be called: the name people type before `:` in `web1:nginx`,
// so no colon, no space, and not a word the name grammar already uses (`all`, `*`).

const HOST_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** Why `name` cannot name a fleet host, or null when it can. */
export const fleetHostNameProblem = (name: string): string | null => {
  if (name === 'all') {
    return "'all' means every process; choose another host name";
  }
  return HOST_NAME.test(name)
    ? null
    : `host name '${name}' may hold only letters, digits, '.', '-' and '_' (and must not start with '.' or '-')`;
};
