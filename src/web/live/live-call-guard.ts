// Whether a call to the live UI's endpoint (/ui/RPC2) may run. It must carry the UI's header: a
// form cannot send one, and another site's script cannot either without a CORS preflight, which
// the daemon never grants. And the browser must not say it came from another site
// (Sec-Fetch-Site, Origin, Referer: cross-site.ts). Both, so neither is the only guard.

import { judgeCrossSite, type CrossSiteVerdict } from '../cross-site.js';
import { LIVE_UI_HEADER } from './live-ui-contract.js';

type Headers = Readonly<Record<string, string | undefined>>;

export const judgeLiveCall = (headers: Headers): CrossSiteVerdict =>
  headers[LIVE_UI_HEADER.toLowerCase()] === '1'
    ? judgeCrossSite(headers)
    : { allowed: false, reason: `the request lacks the live UI's ${LIVE_UI_HEADER} header` };
