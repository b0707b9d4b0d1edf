// The live UI's one HTML page (/ui/): a shell that loads the bundled script and stylesheet by
// their versioned links; everything shown is built by the script from API answers. Without a
// built script it says so, and points at the classic page.

import { escapeHtml } from '../html-escape.js';
import { assetHref, ICON_ASSET, type StaticAsset } from '../static/assets.js';

export const renderLivePage = (
  script: StaticAsset | null,
  stylesheet: StaticAsset,
): string => `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Supervisor live</title>
<link rel="stylesheet" href="${escapeHtml(relative(stylesheet))}">
<link rel="icon" type="image/svg+xml" href="../${escapeHtml(assetHref(ICON_ASSET))}">
${script === null ? '' : `<script type="module" src="${escapeHtml(relative(script))}"></script>\n`}</head>
<body>
<div id="app">
<p class="notice">${
  script === null
    ? 'The live UI was not built with this daemon (run <code>npm run build</code>).'
    : 'Loading… (the live UI needs JavaScript)'
} The <a href="../index.html">classic status page</a> works without it.</p>
</div>
</body>
</html>
`;

/** Links are relative to /ui/, the directory the page is in. */
const relative = (asset: StaticAsset): string => assetHref(asset).replace(/^ui\//, '');
