// The detail page in the place of the table: a title naming the process, then its details from
// the page's first line on screen; or, when the process is gone, a word saying so. Pure.

import { processKey } from './daemon-api.js';
import { detailContent, type DetailSources } from './detail-content.js';
import { hostKey } from './host-link.js';
import { linkOf, type DashboardState } from './state.js';
import { fitLine, seg, type Line } from './view-types.js';

type DetailPage = Extract<DashboardState['page'], { kind: 'detail' }>;

const sourcesOf = (state: DashboardState, key: string): DetailSources | null => {
  const info = state.processes.find((p) => hostKey(p.host, processKey(p.group, p.name)) === key);
  if (info === undefined) {
    return null;
  }
  const { config, detail } = state;
  const { support, serverOffsetMs } = linkOf(state, info.host);
  const failed = config.kind === 'failed' ? `not known (${config.reason})` : null;
  return {
    info,
    config: config.kind === 'loaded' ? config.byKey.get(key) : undefined,
    detail: detail.kind === 'loaded' && detail.key === key ? detail.info : undefined,
    health: state.health.get(key),
    restarts: support.stats === 'no' ? undefined : (state.usage.get(key)?.latest.restarts ?? 0),
    nowSec: Math.floor((state.nowMs + serverOffsetMs) / 1000),
    nowMs: state.nowMs,
    serverOffsetMs,
    unknown: failed ?? '…',
    detailUnsupported: support.detail === 'no',
  };
};

/** Every line of the open page (below its title), for the view and for scrolling. */
export const detailLines = (state: DashboardState, page: DetailPage): readonly Line[] => {
  const sources = sourcesOf(state, page.key);
  const { cols } = state.size;
  return sources === null
    ? [
        fitLine(
          [seg('  this process is gone (removed by a reload?): Esc goes back', { fg: 'grey' })],
          cols,
        ),
      ]
    : detailContent(sources, cols);
};

/** The furthest down the page scrolls: its last line at the bottom of `height`. */
export const lastDetailTop = (state: DashboardState, page: DetailPage, height: number): number =>
  Math.max(0, detailLines(state, page).length - height);

/** The title and `height` lines of the page. */
export const detailPart = (state: DashboardState, page: DetailPage, height: number): Line[] => {
  const { cols } = state.size;
  const lines = detailLines(state, page);
  const top = Math.min(page.scrollTop, Math.max(0, lines.length - height));
  const more = lines.length > top + height ? `  ↓ ${lines.length - top - height} more` : '';
  const title = fitLine(
    [
      seg(` ${hostKey(page.host, page.namespec)}`, { bold: true, underline: true }),
      seg(`  details${more}`, { underline: true }),
    ],
    cols,
    { underline: true },
  );
  const body = lines.slice(top, top + height);
  while (body.length < height) {
    body.push(fitLine([], cols));
  }
  return [title, ...body];
};
