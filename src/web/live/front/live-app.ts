// The live UI's shell: the header (title, connection state, links), the message line, the
// confirm dialog, and the view the address's #fragment names — the list (#/), one process
// (#/process/<name>) or the main log (#/log). Views change without reloading the page; the
// snapshot the sync keeps current goes to whichever is shown.

import type { SupervisorApi } from '../../../protocol/supervisor-api.js';
import type { TssupervisorApi } from '../../../protocol/tssupervisor-api.js';
import type { AppContext } from './app-context.js';
import { createConfirmDialog } from './confirm-dialog.js';
import { h } from './dom-build.js';
import type { Fetch } from './fetch-caller.js';
import { startLiveSync, type Connection } from './live-sync.js';
import { createMainLogView } from './main-log-view.js';
import { createProcessDetailView } from './process-detail-view.js';
import { createProcessTableView, type View } from './process-table-view.js';
import type { UiClock } from './ui-clock.js';

export interface LiveAppDeps {
  readonly root: HTMLElement;
  readonly supervisor: SupervisorApi;
  readonly tssupervisor: TssupervisorApi;
  readonly clock: UiClock;
  readonly fetch: Fetch;
}

/** How long a message stays up. */
const MESSAGE_MS = 10_000;

/** A name from the address; one typed in with a stray `%` is taken as it is. */
const decodedName = (encoded: string): string => {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
};

export const startLiveApp = (deps: LiveAppDeps): void => {
  const { clock } = deps;
  const connection = h('span', { class: 'connection', attrs: { role: 'status' } }, 'connecting…');
  const messages = h('pre', {
    class: 'messages',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  const main = h('main');
  const confirm = createConfirmDialog();
  const header = h(
    'header',
    { class: 'masthead' },
    h('h1', {}, h('a', { attrs: { href: '#/' } }, 'Supervisor')),
    connection,
    h(
      'nav',
      {},
      h('a', { attrs: { href: '#/' } }, 'Processes'),
      h('a', { attrs: { href: '#/log' } }, 'Main log'),
      h('a', { attrs: { href: '../index.html' } }, 'Classic page'),
    ),
  );
  deps.root.replaceChildren(header, messages, main, confirm.element);

  let messageSerial = 0;
  const say = (text: string): void => {
    messageSerial += 1;
    const mine = messageSerial;
    messages.textContent = text;
    void clock.sleep(MESSAGE_MS).then(() => {
      if (mine === messageSerial) {
        messages.textContent = '';
      }
    });
  };

  const showConnection = (state: Connection): void => {
    connection.dataset['state'] = state.kind;
    connection.textContent =
      state.kind === 'live'
        ? 'live'
        : state.kind === 'connecting'
          ? 'connecting…'
          : `reconnecting (${state.why})`;
    connection.title = state.kind === 'reconnecting' ? state.why : '';
  };

  let view: View | null = null;
  const sync = startLiveSync(
    {
      supervisor: deps.supervisor,
      tssupervisor: deps.tssupervisor,
      clock,
      isVisible: () => document.visibilityState === 'visible',
      onSnapshot: (snapshot) => view?.update(snapshot),
      onConnection: showConnection,
    },
    new AbortController().signal,
  );

  const ctx: AppContext = {
    supervisor: deps.supervisor,
    clock,
    fetch: deps.fetch,
    confirm,
    say,
    refresh: () => sync.refresh(),
  };

  const route = (): void => {
    view?.close();
    const hash = location.hash.replace(/^#\/?/, '');
    const snapshot = sync.current();
    if (hash.startsWith('process/')) {
      view = createProcessDetailView(ctx, decodedName(hash.slice('process/'.length)), snapshot);
    } else if (hash === 'log') {
      view = createMainLogView(ctx);
    } else {
      view = createProcessTableView(ctx, snapshot);
    }
    main.replaceChildren(view.element);
    for (const link of header.querySelectorAll('nav a')) {
      const current = link.getAttribute('href') === `#/${hash === 'log' ? 'log' : ''}`;
      link.toggleAttribute('aria-current', current);
    }
  };
  window.addEventListener('hashchange', route);
  route();
};
