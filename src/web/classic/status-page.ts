// The status page (/ and /index.html): the message banner, the Refresh / Restart All / Stop All
// buttons and the table of processes, or "No programs to manage". Pure: rows in, HTML out,
// every value escaped.

import { escapeHtml } from '../html-escape.js';
import { renderPage } from './page-layout.js';
import type { RowAction, StatusRow } from './status-rows.js';
import { pythonQuote } from '../url-quote.js';

export interface StatusPage {
  /** The banner: `?message=`, or why the processes could not be listed. */
  readonly message: string | null;
  /** null: the list could not be had (the banner says why). */
  readonly rows: readonly StatusRow[] | null;
}

export const renderStatusPage = ({ message, rows }: StatusPage): string =>
  renderPage({
    title: 'Supervisor Status',
    heading: 'Supervisor status',
    main: [
      message === null
        ? ''
        : `<p class="status-message" role="status">${escapeHtml(message)}</p>\n`,
      BUTTONS,
      rows === null ? '' : rows.length === 0 ? EMPTY : table(rows),
    ].join(''),
  });

const BUTTONS = `<ul class="buttons">
<li><a class="button" href="index.html?action=refresh">Refresh</a></li>
<li><a class="button" href="index.html?action=restartall">Restart All</a></li>
<li><a class="button" href="index.html?action=stopall">Stop All</a></li>
</ul>
`;

const EMPTY = '<p class="empty">No programs to manage</p>\n';

const table = (rows: readonly StatusRow[]): string => `<div class="table-frame">
<table class="processes">
<thead>
<tr><th class="state">State</th><th class="desc">Description</th><th class="name">Name</th><th class="action">Action</th></tr>
</thead>
<tbody>
${rows.map(row).join('')}</tbody>
</table>
</div>
`;

const row = (r: StatusRow, index: number): string =>
  `<tr${index % 2 === 1 ? ' class="shade"' : ''}>` +
  `<td class="status"><span class="${r.stateClass}">${escapeHtml(r.stateName)}</span></td>` +
  `<td class="desc">${escapeHtml(r.description)}</td>` +
  `<td class="name"><a href="${escapeHtml(`tail.html?processname=${pythonQuote(r.namespec)}`)}" target="_blank" rel="noopener">${escapeHtml(r.namespec)}</a></td>` +
  `<td class="action"><ul>${r.actions.map(actionItem).join('')}</ul></td>` +
  '</tr>\n';

const actionItem = (action: RowAction | null): string =>
  action === null
    ? '<li class="placeholder"></li>'
    : `<li><a href="${escapeHtml(action.href)}" name="${escapeHtml(action.label)}"${action.newWindow ? ' target="_blank" rel="noopener"' : ''}>${escapeHtml(action.label)}</a></li>`;
