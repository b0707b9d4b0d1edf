import { describe, expect, it } from 'vitest';

import { renderRefusalPage } from './refusal-page.js';

describe('renderRefusalPage', () => {
  it('says what was refused and why, and offers to ask again from this page', () => {
    const html = renderRefusalPage({
      action: { kind: 'process', action: 'stop', namespec: '"><script>x</script>' },
      reason: 'it comes from http://evil.example (origin)',
    });
    expect(html).toContain('<strong>Stop &quot;&gt;&lt;script&gt;x&lt;/script&gt;</strong>');
    expect(html).toContain('it comes from http://evil.example (origin)');
    expect(html).toContain('<form action="index.html" method="post">');
    expect(html).toContain(
      '<input type="hidden" name="processname" value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;">',
    );
    expect(html).toContain('<input type="hidden" name="action" value="stop">');
    expect(html).not.toContain('<script>');
  });

  it('names the bulk actions', () => {
    expect(renderRefusalPage({ action: { kind: 'stopall' }, reason: 'r' })).toContain(
      '<button type="submit">Stop all processes</button>',
    );
  });
});
