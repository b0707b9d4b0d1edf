import { describe, expect, it } from 'vitest';

import { escapeHtml } from './html-escape.js';

describe('escapeHtml', () => {
  it('turns markup into text, for content and quoted attributes alike', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;',
    );
  });

  it('leaves everything else as it is', () => {
    expect(escapeHtml('grp:web_0 — pid 12, uptime 0:00:01')).toBe(
      'grp:web_0 — pid 12, uptime 0:00:01',
    );
  });
});
