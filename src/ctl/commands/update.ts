// `update [all|group ...]`: reread the configuration, then stop and remove dropped groups,
// restart changed ones with their new settings, and add new ones (optionally only the named).

import { FAULT_CODES } from '../../model/faults.js';
import { catchFault } from '../../protocol/faults.js';
import type { ConfigChanges } from '../../protocol/config-changes.js';
import { EXIT } from '../exit-codes.js';
import { splitWords } from '../line-parse.js';
import type { CommandContext, CtlCommand } from './command.js';

/** Reports named groups that exist neither now nor in the new configuration. */
const checkNames = async (
  ctx: CommandContext,
  wanted: ReadonlySet<string>,
  changes: ConfigChanges,
): Promise<void> => {
  const known = new Set(changes.added);
  for (const info of await ctx.api.getAllProcessInfo()) {
    known.add(info.group);
  }
  for (const name of wanted) {
    if (!known.has(name)) {
      ctx.out(`ERROR: no such group: ${name}`);
      ctx.setExitStatus(EXIT.GENERIC);
    }
  }
};

const applyChanges = async (
  ctx: CommandContext,
  changes: ConfigChanges,
  isWanted: (group: string) => boolean,
): Promise<void> => {
  const { api } = ctx;
  for (const group of changes.removed.filter(isWanted)) {
    const results = await api.stopProcessGroup(group);
    ctx.out(`${group}: stopped`);
    if (results.some((result) => result.status === FAULT_CODES.FAILED)) {
      ctx.out(`${group}: has problems; not removing`);
      ctx.setExitStatus(EXIT.GENERIC);
      continue;
    }
    await api.removeProcessGroup(group);
    ctx.out(`${group}: removed process group`);
  }
  for (const group of changes.changed.filter(isWanted)) {
    await api.stopProcessGroup(group);
    ctx.out(`${group}: stopped`);
    await api.removeProcessGroup(group);
    await api.addProcessGroup(group);
    ctx.out(`${group}: updated process group`);
  }
  for (const group of changes.added.filter(isWanted)) {
    await api.addProcessGroup(group);
    ctx.out(`${group}: added process group`);
  }
};

export const updateCommand: CtlCommand = {
  name: 'update',
  listed: true,
  completes: 'groups',
  help: [
    'update\t\t\tReread the configuration and apply it: remove dropped groups, restart',
    '\t\t\tchanged ones, add new ones. `update all` is the same.',
    'update <group> ...\tApply the new configuration to the named groups only.',
  ],
  run: async (ctx, arg) => {
    const changes = await catchFault(() => ctx.api.reloadConfig());
    if (!changes.ok) {
      ctx.setExitStatus(EXIT.GENERIC);
      if (changes.fault.faultCode !== FAULT_CODES.SHUTDOWN_STATE) {
        throw changes.error;
      }
      ctx.out('ERROR: already shutting down');
      return undefined;
    }
    const words = splitWords(arg);
    const wanted = new Set(words.includes('all') ? [] : words);
    if (wanted.size > 0) {
      await checkNames(ctx, wanted, changes.value);
    }
    await applyChanges(ctx, changes.value, (group) => wanted.size === 0 || wanted.has(group));
    return undefined;
  },
};
