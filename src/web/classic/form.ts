// The fields of a classic page request, merged as supervisord merges them: the query string
// (first value of each key wins), then a POSTed urlencoded body (last value wins, over the
// query). Empty values count as absent, as Python's parse_qs drops them.

export type Form = ReadonlyMap<string, string>;

export const parseForm = (query: string, body: string): Form => {
  const form = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(query)) {
    if (value !== '' && !form.has(key)) {
      form.set(key, value);
    }
  }
  for (const [key, value] of new URLSearchParams(body)) {
    if (value !== '') {
      form.set(key, value);
    }
  }
  return form;
};

/** The path and query of a request-target: `/index.html?action=refresh` → both parts. */
export const splitTarget = (target: string): { readonly path: string; readonly query: string } => {
  const withoutFragment = target.split('#', 1)[0] ?? '';
  const mark = withoutFragment.indexOf('?');
  return mark < 0
    ? { path: withoutFragment, query: '' }
    : { path: withoutFragment.slice(0, mark), query: withoutFragment.slice(mark + 1) };
};
