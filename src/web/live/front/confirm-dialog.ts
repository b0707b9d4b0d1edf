// The question asked before an action that stops something: a modal <dialog> with the
// question, Cancel and the action's own word; Escape or Cancel answers no.

import { h } from './dom-build.js';

export interface ConfirmDialog {
  readonly element: HTMLDialogElement;
  ask(question: string, confirmLabel: string): Promise<boolean>;
}

export const createConfirmDialog = (): ConfirmDialog => {
  const question = h('p', { class: 'question' });
  const cancel = h('button', { class: 'cancel', attrs: { type: 'button' } }, 'Cancel');
  const confirm = h('button', { class: 'confirm danger', attrs: { type: 'button' } }, 'OK');
  const element = h(
    'dialog',
    { class: 'confirm-dialog', attrs: { 'aria-labelledby': 'confirm-question' } },
    question,
    h('div', { class: 'dialog-buttons' }, cancel, confirm),
  );
  question.id = 'confirm-question';
  let answer: ((yes: boolean) => void) | null = null;
  const settle = (yes: boolean): void => {
    const resolve = answer;
    answer = null;
    if (element.open) {
      element.close();
    }
    resolve?.(yes);
  };
  cancel.addEventListener('click', () => settle(false));
  confirm.addEventListener('click', () => settle(true));
  element.addEventListener('close', () => settle(false));
  return {
    element,
    ask: (text, confirmLabel) => {
      settle(false);
      question.textContent = text;
      confirm.textContent = confirmLabel;
      element.showModal();
      cancel.focus();
      return new Promise((resolve) => (answer = resolve));
    },
  };
};
