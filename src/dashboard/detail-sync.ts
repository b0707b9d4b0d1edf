// Part of the one-second beat: while a detail page is open, fetches that process's
// tssupervisor.getProcessDetail (its tree's CPU and memory move); never from supervisord.

import type { DashboardApi } from './daemon-api.js';
import { callFeature } from './feature-call.js';
import type { DashboardInput } from './inputs.js';
import type { DashboardState } from './state.js';

/** One fetch of a page's details: what the beat and the page opening both do. */
export const fetchDetail = (
  api: DashboardApi,
  support: DashboardState['support']['detail'],
  page: { readonly namespec: string; readonly key: string },
  dispatch: (input: DashboardInput) => void,
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

export const syncDetail = async (
  api: DashboardApi,
  state: DashboardState,
  dispatch: (input: DashboardInput) => void,
): Promise<void> => {
  const { connection, support, page } = state;
  if (connection.kind !== 'up' || support.detail === 'no' || page.kind !== 'detail') {
    return;
  }
  await fetchDetail(api, support.detail, page, dispatch);
};
