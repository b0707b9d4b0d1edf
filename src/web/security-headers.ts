// The headers every web answer carries so a browser holds it to what it is: no script at all,
// styles and pictures from this server only, forms posting back here, never shown in a frame
// (no clickjacking of the action links), no type sniffing, no Referer sent to other sites.

/** For HTML pages: nothing runs, and nothing loads from anywhere else. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'";

/** For the static files: opened on their own (an SVG), they may load nothing either. */
export const ASSET_CSP = "default-src 'none'; frame-ancestors 'none'";

export const securityHeaders = (csp: string): [string, string][] => [
  ['Content-Security-Policy', csp],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'same-origin'],
];
