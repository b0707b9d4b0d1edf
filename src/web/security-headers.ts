// The headers every web answer carries so a browser holds it to what it is: no script (the live
// UI: only its own bundled file), styles and pictures from this server only, forms posting back
// here, never shown in a frame (no clickjacking of the action links), no type sniffing, no
// Referer sent to other sites.

/** For HTML pages: nothing runs, and nothing loads from anywhere else. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'";

/**
 * For the live UI's page (/ui/): its one script and stylesheet from this server, calls back to
 * this server only; still no inline script or style, no forms, no frames.
 */
export const LIVE_PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
  "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

/** For the static files: opened on their own (an SVG), they may load nothing either. */
export const ASSET_CSP = "default-src 'none'; frame-ancestors 'none'";

export const securityHeaders = (csp: string): [string, string][] => [
  ['Content-Security-Policy', csp],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'same-origin'],
];
