// The status table's rows from getAllProcessInfo: sorted by group, then process, each with its
// state (and the CSS class supervisord's page gives it), its description and the actions its
// state allows, in supervisord's slots: start or restart, stop, clear log, tail stdout, stderr.

import { makeNamespec } from '../../model/namespec.js';
import type { ProcessInfo } from '../../protocol/process-info.js';
import { pythonQuote } from '../url-quote.js';

export type StateClass = 'statusrunning' | 'statuserror' | 'statusnominal';

export interface RowAction {
  readonly label: string;
  /** Relative to the page, not yet HTML-escaped. */
  readonly href: string;
  /** The log tails open in a new window, as in supervisord. */
  readonly newWindow: boolean;
}

export interface StatusRow {
  readonly namespec: string;
  /** Lower case, as shown: `running`. */
  readonly stateName: string;
  readonly stateClass: StateClass;
  readonly description: string;
  /** null: an empty slot (the action does not apply in this state). */
  readonly actions: readonly (RowAction | null)[];
}

export const statusRows = (infos: readonly ProcessInfo[]): StatusRow[] =>
  [...infos].sort(byGroupThenName).map((info) => {
    const namespec = makeNamespec(info.group, info.name);
    return {
      namespec,
      stateName: info.statename.toLowerCase(),
      stateClass: stateClass(info.statename),
      description: info.description,
      actions: actionsFor(info.statename, namespec),
    };
  });

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const byGroupThenName = (a: ProcessInfo, b: ProcessInfo): number =>
  compare(a.group, b.group) || compare(a.name, b.name);

export const stateClass = (statename: string): StateClass =>
  statename === 'RUNNING'
    ? 'statusrunning'
    : statename === 'FATAL' || statename === 'BACKOFF'
      ? 'statuserror'
      : 'statusnominal';

/** The href of a status page action on one process. */
export const processActionHref = (namespec: string, action: string): string =>
  `index.html?processname=${pythonQuote(namespec)}&action=${action}`;

const actionsFor = (statename: string, namespec: string): (RowAction | null)[] => {
  const act = (label: string, action: string): RowAction => ({
    label,
    href: processActionHref(namespec, action),
    newWindow: false,
  });
  const tail = (label: string, suffix: string): RowAction => ({
    label,
    href: `logtail/${pythonQuote(namespec)}${suffix}`,
    newWindow: true,
  });
  const always = [
    act('Clear Log', 'clearlog'),
    tail('Tail -f Stdout', ''),
    tail('Tail -f Stderr', '/stderr'),
  ];
  switch (statename) {
    case 'RUNNING':
      return [act('Restart', 'restart'), act('Stop', 'stop'), ...always];
    case 'STOPPED':
    case 'EXITED':
    case 'FATAL':
      return [act('Start', 'start'), null, ...always];
    default:
      return [null, null, ...always];
  }
};
