// Part of the one-second beat: while a detail page is open, fetches that process's
// tssupervisor.getProcessDetail (its tree's CPU and memory move); never from supervisord.

import type { DashboardApi } from './daemon-api.js';
import { callFeature } from './feature-call.js';
import type { Support } from './host-link.js';
import type { DaemonInput } from './inputs.js';
import { linkOf, type DashboardState } from './state.js';

/** One fetch of a page's details: what the beat and the page opening both do. */
export const fetchDetail = (
  api: DashboardApi,
  support: Support,
  page: { readonly namespec: string; readonly key: string },
  dispatch: (input: DaemonInput) => void,
): Promise<void> =>
  callFeature(
    {
      feature: 'detail',
      support,
      call: () => api.getProcessDetail(page.namespec),
      answer: (info) => ({ type: 'detail', key: page.key, info }),
    },
    dispatch,
  );

/** `host`'s part: only when the page open is one of its processes. */
export const syncDetail = async (
  api: DashboardApi,
  state: DashboardState,
  host: string,
  dispatch: (input: DaemonInput) => void,
): Promise<void> => {
  const { page } = state;
  const { connection, support } = linkOf(state, host);
  if (
    connection.kind !== 'up' ||
    support.detail === 'no' ||
    page.kind !== 'detail' ||
    page.host !== host
  ) {
    return;
  }
  await fetchDetail(api, support.detail, page, dispatch);
};
