// The tail page (/tail.html?processname=X&limit=N): the end of a process's stdout log, at least
// 1024 bytes of it, with a Refresh link that asks for the same again. Pure: facts in, HTML out.

import { INT32_MAX } from '../../protocol/xmlrpc/xmlrpc-value.js';
import { escapeHtml } from '../html-escape.js';
import { pythonQuote } from '../url-quote.js';
import type { Form } from './form.js';
import { renderPage } from './page-layout.js';

export const MIN_TAIL_BYTES = 1024;

export interface TailPage {
  /** null when the request named no process */
  readonly namespec: string | null;
  readonly limit: number;
  /** the log's end, or what went wrong */
  readonly text: string;
}

/** How many bytes to show: `limit` when it is a number above 1024, else 1024. */
export const tailLimit = (form: Form): number => {
  const given = form.get('limit') ?? '';
  return /^[0-9]+$/.test(given)
    ? Math.min(INT32_MAX, Math.max(MIN_TAIL_BYTES, Number(given)))
    : MIN_TAIL_BYTES;
};

export const renderTailPage = ({ namespec, limit, text }: TailPage): string =>
  renderPage({
    title: namespec === null ? 'Supervisor tail' : `Supervisor tail of process ${namespec}`,
    heading: namespec === null ? 'Tail' : `Tail of ${namespec}`,
    main:
      `<pre class="tail">${escapeHtml(text)}</pre>\n` +
      (namespec === null
        ? ''
        : `<p><a class="button" href="${escapeHtml(`tail.html?processname=${pythonQuote(namespec)}&limit=${limit}`)}">Refresh</a></p>\n`),
  });
