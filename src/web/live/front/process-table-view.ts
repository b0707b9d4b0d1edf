// The process list: filter, group and sort controls, the buttons for every process (or the
// chosen group), and one row per process — state with readiness, pid, uptime, restarts, CPU and
// memory with their charts, and its actions. Rows are kept by name and only their text is
// updated, so a click or a selection survives the redraws. On a phone each row is a card (CSS).

import { act, type AppContext } from './app-context.js';
import { h, setText } from './dom-build.js';
import { formatCpu, formatMemory, formatUptimeSec } from './figures-format.js';
import { actionLabel, type GroupAction } from './live-actions.js';
import type { LiveSnapshot } from './live-snapshot.js';
import { updateActionButtons } from './process-action-buttons.js';
import {
  filterRows,
  groupsOf,
  processRows,
  sortRows,
  SORT_KEYS,
  type ProcessRow,
  type SortKey,
} from './process-rows.js';
import { createSparkline, type Sparkline } from './sparkline-view.js';

export interface View {
  readonly element: HTMLElement;
  update(snapshot: LiveSnapshot): void;
  /** Stops whatever the view runs (log streams). */
  close(): void;
}

export const processHref = (namespec: string): string =>
  `#/process/${encodeURIComponent(namespec)}`;

interface RowParts {
  readonly tr: HTMLTableRowElement;
  readonly state: HTMLElement;
  readonly health: HTMLElement;
  readonly pid: HTMLElement;
  readonly uptime: HTMLElement;
  readonly restarts: HTMLElement;
  readonly cpu: HTMLElement;
  readonly memory: HTMLElement;
  readonly cpuChart: Sparkline;
  readonly memoryChart: Sparkline;
  readonly actions: HTMLElement;
}

const COLUMNS = ['Name', 'State', 'PID', 'Uptime', 'Restarts', 'CPU', 'Memory', ''] as const;
const CHART = { width: 72, height: 22 };

export const createProcessTableView = (ctx: AppContext, initial: LiveSnapshot): View => {
  const view: { text: string; group: string; sort: SortKey } = {
    text: '',
    group: '',
    sort: 'name',
  };
  let snapshot = initial;

  const filter = h('input', {
    class: 'filter',
    attrs: { type: 'search', placeholder: 'Filter by name, state…', 'aria-label': 'Filter' },
  });
  const groupPicker = h('select', { class: 'group-picker', attrs: { 'aria-label': 'Group' } });
  const sortPicker = h(
    'select',
    { class: 'sort-picker', attrs: { 'aria-label': 'Sort by' } },
    ...SORT_KEYS.map((key) => h('option', { attrs: { value: key } }, `Sort: ${key}`)),
  );
  const bulk = h('div', { class: 'bulk-actions' });
  const tbody = h('tbody');
  const empty = h('p', { class: 'empty', attrs: { hidden: '' } }, 'No processes match.');
  const table = h(
    'table',
    { class: 'processes' },
    h('thead', {}, h('tr', {}, ...COLUMNS.map((c) => h('th', { attrs: { scope: 'col' } }, c)))),
    tbody,
  );
  const element = h(
    'section',
    { class: 'process-list' },
    h('div', { class: 'toolbar' }, filter, groupPicker, sortPicker, bulk),
    h('div', { class: 'table-frame' }, table),
    empty,
  );

  const rows = new Map<string, RowParts>();

  const renderBulk = (): void => {
    const key = `bulk:${view.group}`;
    if (bulk.dataset['key'] === key) {
      return;
    }
    bulk.dataset['key'] = key;
    const label = view.group === '' ? 'all' : 'group';
    const button = (action: GroupAction): HTMLButtonElement =>
      h(
        'button',
        {
          class: `bulk-${action}${action === 'start' ? '' : ' danger'}`,
          attrs: { type: 'button', 'data-action': action },
          onClick: () =>
            void act(
              ctx,
              view.group === ''
                ? { kind: 'all', action }
                : { kind: 'group', group: view.group, action },
            ),
        },
        `${actionLabel(action)} ${label}`,
      );
    bulk.replaceChildren(button('start'), button('stop'), button('restart'));
  };

  const renderGroups = (groups: readonly string[]): void => {
    const key = groups.join('\n');
    if (groupPicker.dataset['key'] === key) {
      return;
    }
    groupPicker.dataset['key'] = key;
    groupPicker.replaceChildren(
      h('option', { attrs: { value: '' } }, 'All groups'),
      ...groups.map((g) => h('option', { attrs: { value: g } }, `Group: ${g}`)),
    );
    groupPicker.value = groups.includes(view.group) ? view.group : '';
    view.group = groupPicker.value;
  };

  const makeRow = (row: ProcessRow): RowParts => {
    const cell = (label: string, ...children: (Node | string)[]): HTMLTableCellElement =>
      h('td', { attrs: { 'data-label': label } }, ...children);
    const state = h('span', { class: 'state' });
    const health = h('span', { class: 'health' });
    const pid = h('span');
    const uptime = h('span');
    const restarts = h('span');
    const cpu = h('span', { class: 'figure' });
    const memory = h('span', { class: 'figure' });
    const cpuChart = createSparkline(`CPU of ${row.namespec}`, CHART, 5);
    const memoryChart = createSparkline(`Memory of ${row.namespec}`, CHART, 1024);
    const actions = h('div', { class: 'row-actions' });
    const tr = h(
      'tr',
      { attrs: { 'data-name': row.namespec } },
      h(
        'th',
        { class: 'name', attrs: { scope: 'row' } },
        h('a', { attrs: { href: processHref(row.namespec) } }, row.namespec),
      ),
      cell('State', state, health),
      cell('PID', pid),
      cell('Uptime', uptime),
      cell('Restarts', restarts),
      cell('CPU', cpu, cpuChart.element),
      cell('Memory', memory, memoryChart.element),
      h('td', { class: 'actions' }, actions),
    );
    return {
      tr,
      state,
      health,
      pid,
      uptime,
      restarts,
      cpu,
      memory,
      cpuChart,
      memoryChart,
      actions,
    };
  };

  const fillRow = (parts: RowParts, row: ProcessRow): void => {
    setText(parts.state, row.statename);
    parts.state.className = `state ${row.tone}`;
    // Readiness and dependencies when there is something to say; else why it is not running.
    setText(parts.health, row.health !== '' ? row.health : row.pid === null ? row.description : '');
    setText(parts.pid, row.pid === null ? '—' : String(row.pid));
    setText(parts.uptime, row.uptimeSec === null ? '—' : formatUptimeSec(row.uptimeSec));
    setText(parts.restarts, row.restarts === null ? '—' : String(row.restarts));
    setText(parts.cpu, row.cpuPercent === null ? '—' : formatCpu(row.cpuPercent));
    setText(parts.memory, row.memoryKb === null ? '—' : formatMemory(row.memoryKb));
    parts.cpuChart.update(row.history.cpu);
    parts.memoryChart.update(row.history.memoryKb);
    updateActionButtons(parts.actions, ctx, row);
  };

  const render = (): void => {
    const all = processRows(snapshot, ctx.clock.nowMs() / 1000);
    renderGroups(groupsOf(all));
    renderBulk();
    const shown = sortRows(filterRows(all, view), view.sort);
    const seen = new Set<string>();
    shown.forEach((row, index) => {
      seen.add(row.namespec);
      let parts = rows.get(row.namespec);
      if (parts === undefined) {
        parts = makeRow(row);
        rows.set(row.namespec, parts);
      }
      fillRow(parts, row);
      if (tbody.children[index] !== parts.tr) {
        tbody.insertBefore(parts.tr, tbody.children[index] ?? null);
      }
    });
    for (const [name, parts] of rows) {
      if (!seen.has(name)) {
        parts.tr.remove();
        if (!all.some((row) => row.namespec === name)) {
          rows.delete(name);
        }
      }
    }
    empty.hidden = shown.length > 0 || snapshot.processes.length === 0;
  };

  filter.addEventListener('input', () => {
    view.text = filter.value;
    render();
  });
  groupPicker.addEventListener('change', () => {
    view.group = groupPicker.value;
    render();
  });
  sortPicker.addEventListener('change', () => {
    view.sort = SORT_KEYS.find((key) => key === sortPicker.value) ?? 'name';
    render();
  });

  render();
  return {
    element,
    update: (next) => {
      snapshot = next;
      render();
    },
    close: () => undefined,
  };
};
