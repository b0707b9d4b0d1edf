// The frame every classic page shares: the document head (our stylesheet and icon, by their
// versioned links), the header with the mark and the page's heading, and the footer (which
// links the live UI too). The
// title and heading are escaped here; `main` is markup the page has escaped already.

import { escapeHtml } from '../html-escape.js';
import { assetHref, ICON_ASSET, LOGO_ASSET, STYLESHEET_ASSET } from '../static/assets.js';

export interface PageFrame {
  readonly title: string;
  readonly heading: string;
  readonly main: string;
}

export const renderPage = ({ title, heading, main }: PageFrame): string =>
  `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${escapeHtml(assetHref(STYLESHEET_ASSET))}">
<link rel="icon" type="image/svg+xml" href="${escapeHtml(assetHref(ICON_ASSET))}">
</head>
<body>
<header class="masthead">
<img src="${escapeHtml(assetHref(LOGO_ASSET))}" alt="" width="36" height="36">
<h1>${escapeHtml(heading)}</h1>
</header>
<main>
${main}</main>
<footer>tssupervisor &middot; <a href="index.html">Status</a> &middot; <a href="ui/">Live view</a></footer>
</body>
</html>
`;
