import { describe, expect, it } from 'vitest';

import { readProcessInfo } from '../../protocol/process-info.js';
import { processInfo } from '../../../test/fakes/supervisor-answers.js';
import { renderStatusPage } from './status-page.js';
import { statusRows } from './status-rows.js';

const rows = statusRows(
  [
    processInfo('<script>alert(1)<\\script>', 'STOPPED', { description: '<b>"bold"</b>' }),
    processInfo('web_0', 'RUNNING', { group: 'web', pid: 7 }),
  ].map((s) => readProcessInfo('test', s)),
);

describe('renderStatusPage', () => {
  it('escapes every value: names, descriptions, the message', () => {
    const html = renderStatusPage({ message: '<img src=x onerror=alert(1)>', rows });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;\\script&gt;</a>');
    expect(html).toContain('&lt;b&gt;&quot;bold&quot;&lt;/b&gt;');
    expect(html).toContain(
      '<p class="status-message" role="status">&lt;img src=x onerror=alert(1)&gt;</p>',
    );
    expect(html).toContain(
      'href="index.html?processname=%3Cscript%3Ealert%281%29%3C%5Cscript%3E&amp;action=start"',
    );
  });

  it('has no script of any kind and no inline style', () => {
    const html = renderStatusPage({ message: 'x', rows });
    expect(html).not.toMatch(/<script|\son\w+=|style=|javascript:/i);
  });

  it('shows each process with its state and actions, rows shaded in turn', () => {
    const html = renderStatusPage({ message: null, rows });
    expect(html).toContain('<span class="statusnominal">stopped</span>');
    expect(html).toContain(
      '<tr class="shade"><td class="status"><span class="statusrunning">running</span></td><td class="desc">pid 7, uptime 0:01:02</td>',
    );
    expect(html).toContain(
      '<a href="tail.html?processname=web%3Aweb_0" target="_blank" rel="noopener">web:web_0</a>',
    );
    expect(html).toContain(
      '<li><a href="logtail/web%3Aweb_0/stderr" name="Tail -f Stderr" target="_blank" rel="noopener">Tail -f Stderr</a></li>',
    );
    expect(html).not.toContain('status-message');
    expect(html).toContain('<a class="button" href="index.html?action=stopall">Stop All</a>');
  });

  it('says when there is nothing to manage, and shows no table when the list failed', () => {
    expect(renderStatusPage({ message: null, rows: [] })).toContain('No programs to manage');
    const failed = renderStatusPage({ message: 'ERROR: x', rows: null });
    expect(failed).not.toContain('<table');
    expect(failed).not.toContain('No programs to manage');
  });
});
