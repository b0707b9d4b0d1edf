// `reread`: each group the new config adds, changes or drops, sorted by name, or the line
// saying nothing changed.

import type { ConfigChanges } from '../../protocol/config-changes.js';

export const renderConfigChanges = (changes: ConfigChanges): string[] => {
  const byName = new Map<string, string>();
  // Later kinds win for a name listed twice, as in supervisorctl's dict updates.
  for (const [names, word] of [
    [changes.added, 'available'],
    [changes.changed, 'changed'],
    [changes.removed, 'disappeared'],
  ] as const) {
    for (const name of names) {
      byName.set(name, word);
    }
  }
  if (byName.size === 0) {
    return ['No config updates to processes'];
  }
  return [...byName.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => `${name}: ${byName.get(name) ?? ''}`);
};
