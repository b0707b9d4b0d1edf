// What every view of the live UI is handed: the API, time, fetch for log streams, the confirm
// dialog and the message line; and `act`, which asks (when the action warrants it), runs the
// action, says how it went and fetches the list again.

import type { SupervisorApi } from '../../../protocol/supervisor-api.js';
import type { ConfirmDialog } from './confirm-dialog.js';
import type { Fetch } from './fetch-caller.js';
import {
  actionLabel,
  confirmQuestion,
  runGroupAction,
  runProcessAction,
  type GroupAction,
  type ProcessAction,
} from './live-actions.js';
import type { UiClock } from './ui-clock.js';

export interface AppContext {
  readonly supervisor: SupervisorApi;
  readonly clock: UiClock;
  readonly fetch: Fetch;
  readonly confirm: ConfirmDialog;
  readonly say: (message: string) => void;
  readonly refresh: () => Promise<void>;
}

/** An action and what it acts on (an ActionTarget): a group or everything has no log clearing. */
export type ActionRequest =
  | { readonly kind: 'process'; readonly namespec: string; readonly action: ProcessAction }
  | { readonly kind: 'group'; readonly group: string; readonly action: GroupAction }
  | { readonly kind: 'all'; readonly action: GroupAction };

export const act = async (ctx: AppContext, request: ActionRequest): Promise<void> => {
  const question = confirmQuestion(request.action, request);
  if (question !== null && !(await ctx.confirm.ask(question, actionLabel(request.action)))) {
    return;
  }
  ctx.say(`${actionLabel(request.action)}…`);
  const message =
    request.kind === 'process'
      ? await runProcessAction(ctx.supervisor, request.action, request.namespec)
      : await runGroupAction(ctx.supervisor, request.action, request);
  ctx.say(message);
  await ctx.refresh();
};
