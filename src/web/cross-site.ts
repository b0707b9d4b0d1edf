// Whether a request that changes something may have been sent by another web site through the
// user's browser (CSRF). Browsers say where a request comes from: Sec-Fetch-Site (every current
// browser), else Origin, else Referer; any of them naming another site refuses the request.
// A request with none of them is a script (curl, wget, a monitoring check) or a bookmark in an
// old browser, and is allowed: supervisord's action URLs keep working for scripts.
// See docs/decisions/008-web-ui-csrf.md.

export type CrossSiteVerdict =
  { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

type Headers = Readonly<Record<string, string | undefined>>;

const ALLOWED: CrossSiteVerdict = { allowed: true };

export const judgeCrossSite = (headers: Headers): CrossSiteVerdict => {
  const fetchSite = headers['sec-fetch-site'];
  if (fetchSite !== undefined) {
    // `none`: typed in, a bookmark, opened from another program. `same-site` is refused too: a
    // page on another port of this host is another program.
    return fetchSite === 'same-origin' || fetchSite === 'none'
      ? ALLOWED
      : refused(`the browser says it comes from a ${fetchSite} page (Sec-Fetch-Site)`);
  }
  const host = hostOf(headers['host'] === undefined ? null : `http://${headers['host']}`);
  for (const header of ['origin', 'referer'] as const) {
    const value = headers[header];
    if (value !== undefined) {
      const from = hostOf(value);
      return from !== null && from === host
        ? ALLOWED
        : refused(`it comes from ${value === 'null' ? 'an opaque origin' : value} (${header})`);
    }
  }
  return ALLOWED;
};

const refused = (reason: string): CrossSiteVerdict => ({ allowed: false, reason });

/** `host[:port]` of a URL, lower-cased, the scheme's default port left out; null if unparsable. */
const hostOf = (url: string | null): string | null => {
  if (url === null || !URL.canParse(url)) {
    return null;
  }
  const { host, protocol } = new URL(url);
  return protocol === 'http:' || protocol === 'https:' ? host : null;
};
