// The buttons for what a process offers in its state (start, or stop and restart; clear log),
// each acting through `act` (which asks first where that is due).

import { act, type AppContext } from './app-context.js';
import { h } from './dom-build.js';
import { actionLabel, processActions } from './live-actions.js';

export const processActionButtons = (
  ctx: AppContext,
  namespec: string,
  statename: string,
): HTMLButtonElement[] =>
  processActions(statename).map((action) =>
    h(
      'button',
      {
        class: `act-${action}${action === 'start' ? '' : ' danger'}`,
        attrs: {
          type: 'button',
          'data-action': action,
          'aria-label': `${actionLabel(action)} ${namespec}`,
        },
        onClick: () => void act(ctx, { kind: 'process', namespec, action }),
      },
      actionLabel(action),
    ),
  );

/** Redraws `box` only when the offered actions changed (a click survives the redraws). */
export const updateActionButtons = (
  box: HTMLElement,
  ctx: AppContext,
  row: { readonly namespec: string; readonly statename: string },
): void => {
  const key = processActions(row.statename).join(',');
  if (box.dataset['actions'] !== key) {
    box.dataset['actions'] = key;
    box.replaceChildren(...processActionButtons(ctx, row.namespec, row.statename));
  }
};
