import { describe, expect, it } from 'vitest';

import { parseForm } from './form.js';
import { renderTailPage, tailLimit } from './tail-page.js';

describe('tailLimit', () => {
  it.each([
    ['', 1024],
    ['limit=5', 1024],
    ['limit=4096', 4096],
    ['limit=-5', 1024],
    ['limit=abc', 1024],
    ['limit=1e9', 1024],
    ['limit=99999999999999', 2147483647],
  ])('%s → %d', (query, limit) => {
    expect(tailLimit(parseForm(query, ''))).toBe(limit);
  });
});

describe('renderTailPage', () => {
  it('shows the log as text, with a refresh link for the same tail', () => {
    const html = renderTailPage({
      namespec: 'grp:a<b>',
      limit: 2048,
      text: '<script>alert(1)</script>\n',
    });
    expect(html).toContain('<title>Supervisor tail of process grp:a&lt;b&gt;</title>');
    expect(html).toContain('<pre class="tail">&lt;script&gt;alert(1)&lt;/script&gt;\n</pre>');
    expect(html).toContain('href="tail.html?processname=grp%3Aa%3Cb%3E&amp;limit=2048"');
    expect(html).not.toContain('<script>');
  });

  it('has no refresh link without a process name', () => {
    const html = renderTailPage({ namespec: null, limit: 1024, text: 'No process name found' });
    expect(html).toContain('<pre class="tail">No process name found</pre>');
    expect(html).not.toContain('tail.html?');
  });
});
