// One process in full: its state and every fact the API gives (pid, uptime, restarts, exit
// status, readiness, liveness, what it waits for, its dependencies, its log files), CPU and
// memory charts, its actions, and its stdout or stderr followed live with search.

import type { AppContext } from './app-context.js';
import { h, setText } from './dom-build.js';
import { formatCpu, formatMemory, formatUptimeSec } from './figures-format.js';
import { namespecOf, type LiveSnapshot } from './live-snapshot.js';
import { createLogView, type LogView } from './log-view.js';
import { updateActionButtons } from './process-action-buttons.js';
import { processRows } from './process-rows.js';
import type { View } from './process-table-view.js';
import { createSparkline } from './sparkline-view.js';

const FACTS = [
  'State',
  'Description',
  'PID',
  'Uptime',
  'Restarts',
  'Exit status',
  'Readiness',
  'Liveness',
  'Waiting for',
  'Depends on',
  'Stdout log',
  'Stderr log',
] as const;
type Fact = (typeof FACTS)[number];

const CHART = { width: 240, height: 48 };

export const createProcessDetailView = (
  ctx: AppContext,
  namespec: string,
  initial: LiveSnapshot,
): View => {
  const facts = new Map<Fact, HTMLElement>(FACTS.map((fact) => [fact, h('dd')]));
  const cpu = h('span', { class: 'figure' });
  const memory = h('span', { class: 'figure' });
  const cpuChart = createSparkline(`CPU of ${namespec}`, CHART, 5);
  const memoryChart = createSparkline(`Memory of ${namespec}`, CHART, 1024);
  const actions = h('div', { class: 'row-actions' });
  const missing = h('p', { class: 'notice', attrs: { hidden: '' } }, 'No such process (any more).');
  const logBox = h('div', { class: 'log-box' });
  let log: LogView | null = null;

  const showLog = (channel: 'stdout' | 'stderr'): void => {
    log?.close();
    log = createLogView(ctx, { kind: 'process', namespec, channel }, `${namespec} ${channel}`);
    logBox.replaceChildren(log.element);
    for (const tab of channels.querySelectorAll('button')) {
      tab.setAttribute('aria-pressed', String(tab.dataset['channel'] === channel));
    }
  };
  const channelButton = (channel: 'stdout' | 'stderr'): HTMLButtonElement =>
    h(
      'button',
      {
        class: 'channel',
        attrs: { type: 'button', 'data-channel': channel, 'aria-pressed': 'false' },
        onClick: () => showLog(channel),
      },
      channel,
    );
  const channels = h(
    'div',
    { class: 'channels' },
    channelButton('stdout'),
    channelButton('stderr'),
  );

  const element = h(
    'section',
    { class: 'process-detail' },
    h('p', { class: 'back' }, h('a', { attrs: { href: '#/' } }, '← All processes')),
    h('h2', {}, namespec),
    missing,
    actions,
    h(
      'dl',
      { class: 'facts' },
      ...FACTS.flatMap((fact) => [h('dt', {}, fact), facts.get(fact) ?? null]),
    ),
    h(
      'div',
      { class: 'charts' },
      h('figure', {}, h('figcaption', {}, 'CPU ', cpu), cpuChart.element),
      h('figure', {}, h('figcaption', {}, 'Memory ', memory), memoryChart.element),
    ),
    h('h3', {}, 'Log'),
    channels,
    logBox,
  );

  const set = (fact: Fact, text: string): void => {
    const dd = facts.get(fact);
    if (dd !== undefined) {
      setText(dd, text === '' ? '—' : text);
    }
  };

  const render = (snapshot: LiveSnapshot): void => {
    const row = processRows(snapshot, ctx.clock.nowMs() / 1000).find(
      (r) => r.namespec === namespec,
    );
    missing.hidden = row !== undefined || snapshot.processes.length === 0;
    if (row === undefined) {
      return;
    }
    const health = snapshot.health.get(namespecOf(row));
    set('State', row.statename);
    facts.get('State')?.setAttribute('class', `state ${row.tone}`);
    set('Description', row.description);
    set('PID', row.pid === null ? '' : String(row.pid));
    set('Uptime', row.uptimeSec === null ? '' : formatUptimeSec(row.uptimeSec));
    set('Restarts', row.restarts === null ? '' : String(row.restarts));
    set('Exit status', String(row.info.exitstatus));
    set('Readiness', health?.readiness ?? '');
    set('Liveness', health?.liveness ?? '');
    set('Waiting for', health?.waiting_for ?? '');
    set('Depends on', health?.depends_on.join(', ') ?? '');
    set('Stdout log', row.info.stdout_logfile);
    set('Stderr log', row.info.stderr_logfile);
    setText(cpu, row.cpuPercent === null ? '—' : formatCpu(row.cpuPercent));
    setText(memory, row.memoryKb === null ? '—' : formatMemory(row.memoryKb));
    cpuChart.update(row.history.cpu);
    memoryChart.update(row.history.memoryKb);
    updateActionButtons(actions, ctx, row);
  };

  render(initial);
  showLog('stdout');
  return { element, update: render, close: () => log?.close() };
};
