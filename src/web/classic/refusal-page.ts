// The answer to an action that came from another site (403): what was refused and why, and a
// button that asks for it again from this page, so a person who did mean it can confirm with
// one click while a forged request alone never acts (see docs/decisions/008-web-ui-csrf.md).

import { escapeHtml } from '../html-escape.js';
import { renderPage } from './page-layout.js';
import { actionFields, type StatusAction } from './status-request.js';

export interface RefusalPage {
  readonly action: StatusAction;
  readonly reason: string;
}

const LABELS: Record<'start' | 'stop' | 'restart' | 'clearlog', string> = {
  start: 'Start',
  stop: 'Stop',
  restart: 'Restart',
  clearlog: 'Clear the log of',
};

export const describeAction = (action: StatusAction): string => {
  switch (action.kind) {
    case 'refresh':
      return 'Refresh';
    case 'stopall':
      return 'Stop all processes';
    case 'restartall':
      return 'Restart all processes';
    case 'process':
      return `${LABELS[action.action]} ${action.namespec}`;
  }
};

export const renderRefusalPage = ({ action, reason }: RefusalPage): string =>
  renderPage({
    title: 'Supervisor: action not taken',
    heading: 'Action not taken',
    main: `<div class="refusal">
<p>This request to <strong>${escapeHtml(describeAction(action))}</strong> was not carried out: ${escapeHtml(reason)}. Another web site may not act on your processes through your browser.</p>
<p>If you meant it, confirm here.</p>
<form action="index.html" method="post">
${actionFields(action)
  .map(
    ([name, value]) =>
      `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">\n`,
  )
  .join('')}<button type="submit">${escapeHtml(describeAction(action))}</button>
<a class="button" href="index.html">Cancel</a>
</form>
</div>
`,
  });
