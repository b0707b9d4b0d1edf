// What a request to the status page (/ or /index.html) asks for, read from its form: show the
// page (with the `message` banner, if any), or do an action and redirect back. supervisord
// answers a malformed action with a 500 (an uncaught ValueError); we say 400 and why.

import type { Form } from './form.js';

export type ProcessAction = 'start' | 'stop' | 'restart' | 'clearlog';

export type StatusAction =
  | { readonly kind: 'refresh' }
  | { readonly kind: 'stopall' }
  | { readonly kind: 'restartall' }
  | { readonly kind: 'process'; readonly action: ProcessAction; readonly namespec: string };

export type StatusRequest =
  | { readonly kind: 'show'; readonly message: string | null }
  | { readonly kind: 'act'; readonly action: StatusAction }
  | { readonly kind: 'invalid'; readonly problem: string };

const PROCESS_ACTIONS: readonly string[] = [
  'start',
  'stop',
  'restart',
  'clearlog',
] satisfies ProcessAction[];

const isProcessAction = (action: string): action is ProcessAction =>
  PROCESS_ACTIONS.includes(action);

export const readStatusRequest = (form: Form): StatusRequest => {
  const action = form.get('action');
  if (action === undefined) {
    return { kind: 'show', message: form.get('message') ?? null };
  }
  switch (action) {
    case 'refresh':
    case 'stopall':
    case 'restartall':
      return { kind: 'act', action: { kind: action } };
  }
  if (!isProcessAction(action)) {
    return { kind: 'invalid', problem: `unknown action ${JSON.stringify(action)}` };
  }
  const namespec = form.get('processname');
  return namespec === undefined
    ? { kind: 'invalid', problem: `action ${action} needs a processname` }
    : { kind: 'act', action: { kind: 'process', action, namespec } };
};

/** Whether doing it changes anything (and so must not come from another site). */
export const changesState = (action: StatusAction): boolean => action.kind !== 'refresh';

/** The form fields that ask for this action again (the refusal page's confirm button). */
export const actionFields = (action: StatusAction): [string, string][] =>
  action.kind === 'process'
    ? [
        ['processname', action.namespec],
        ['action', action.action],
      ]
    : [['action', action.kind]];
