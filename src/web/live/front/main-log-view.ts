// The daemon's own log (supervisord.log), followed live with search.

import type { AppContext } from './app-context.js';
import { h } from './dom-build.js';
import { createLogView } from './log-view.js';
import type { View } from './process-table-view.js';

export const createMainLogView = (ctx: AppContext): View => {
  const log = createLogView(ctx, { kind: 'main' }, 'main log');
  return {
    element: h(
      'section',
      { class: 'main-log' },
      h('p', { class: 'back' }, h('a', { attrs: { href: '#/' } }, '← All processes')),
      h('h2', {}, 'Main log'),
      log.element,
    ),
    update: () => undefined,
    close: () => log.close(),
  };
};
