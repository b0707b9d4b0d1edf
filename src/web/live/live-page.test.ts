import { describe, expect, it } from 'vitest';

import { staticAsset } from '../static/assets.js';
import { renderLivePage } from './live-page.js';

const script = staticAsset('ui/live-ui.js', 'text/javascript', 'run()');
const css = staticAsset('ui/live-ui.css', 'text/css', 'p{}');

describe('the live page', () => {
  it('loads the script and stylesheet by their versioned links, nothing inline', () => {
    const html = renderLivePage(script, css);
    expect(html).toContain(`<script type="module" src="live-ui.js?v=${script.tag}"></script>`);
    expect(html).toContain(`<link rel="stylesheet" href="live-ui.css?v=${css.tag}">`);
    expect(html).not.toMatch(/<script>|\sstyle=|\son\w+=/);
  });

  it('says the script is missing when the daemon was built without it', () => {
    const html = renderLivePage(null, css);
    expect(html).not.toContain('<script');
    expect(html).toContain('npm run build');
    expect(html).toContain('href="../index.html"');
  });
});
