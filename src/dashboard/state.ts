// The dashboard's whole state: what the daemon last told us, what the user looks at, and what
// is under way. Plain immutable data; only model.ts makes a new one.

import type { ConfigInfo } from '../protocol/config-info.js';
import type { ProcessDetailInfo } from '../protocol/process-detail.js';
import type { ProcessInfo } from '../protocol/process-info.js';
import type { CommandTarget, ProcessCommand } from './commands.js';
import type { ProcessHealth } from './daemon-api.js';
import { newHostLink, type HostAddress, type HostLink } from './host-link.js';
import type { KeyContext } from './keymap.js';
import { layoutFor, type Size } from './layout.js';
import { emptyLogPane, type LogPane } from './log-pane.js';
import type { StatusMessage } from './status-message.js';
import type { SortKey, TableRow } from './table-rows.js';
import type { UsageTable } from './usage-history.js';

export type Overlay =
  /** `context`: where the keys were when it opened, whose keys it lists first. */
  | { readonly kind: 'help'; readonly context: KeyContext; readonly scrollTop: number }
  | { readonly kind: 'confirm'; readonly command: ProcessCommand; readonly question: string }
  | { readonly kind: 'signal'; readonly target: CommandTarget; readonly index: number };

/** What the screen shows above the log pane: the table, or one process's details. */
export type Page =
  | { readonly kind: 'table' }
  /** `key`: the process's hostKey; `scrollTop`: the page's first line on screen. */
  | {
      readonly kind: 'detail';
      readonly host: string;
      readonly key: string;
      readonly namespec: string;
      readonly scrollTop: number;
    };

/** tssupervisor.getProcessDetail of the process whose page is open, fetched every beat. */
export type DetailView =
  | { readonly kind: 'none' }
  | { readonly kind: 'loaded'; readonly key: string; readonly info: ProcessDetailInfo };

/** getAllConfigInfo, fetched each time a detail page opens (what supervisord tells of it). */
export type ConfigView =
  | { readonly kind: 'none' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly byKey: ReadonlyMap<string, ConfigInfo> }
  | { readonly kind: 'failed'; readonly reason: string };

export interface Filter {
  readonly text: string;
  /** Typing goes into the filter (after `/`, until Enter or Esc). */
  readonly editing: boolean;
  /** The row selected when `/` was pressed: typing prefers it, Esc goes back to it. */
  readonly returnKey: string | null;
}

/** A process as the dashboard holds it: what getAllProcessInfo said, and which host said it. */
export type HostedProcess = ProcessInfo & { readonly host: string };

export interface DashboardState {
  readonly size: Size;
  /** Local wall-clock ms, moved on by ticks: uptimes are counted from it. */
  readonly nowMs: number;
  /** The daemons shown, in the fleet's order: one (named '') without a fleet. */
  readonly hosts: readonly HostLink[];
  /** Every host's last getAllProcessInfo answer, each process tagged with its host. */
  readonly processes: readonly HostedProcess[];
  /** By process hostKey. */
  readonly usage: UsageTable;
  /** The last getProcessHealth answers, by process hostKey. */
  readonly health: ReadonlyMap<string, ProcessHealth>;
  readonly sort: SortKey;
  readonly grouped: boolean;
  readonly filter: Filter;
  /** Derived from processes, usage, sort, grouped and filter; kept so keys and view agree. */
  readonly rows: readonly TableRow[];
  /** The selected row's key; selectedIndex is where it was, for when it disappears. */
  readonly selectedKey: string | null;
  readonly selectedIndex: number;
  /** The first table row on screen. */
  readonly scrollTop: number;
  readonly page: Page;
  readonly config: ConfigView;
  readonly detail: DetailView;
  /** Where the keys go: the page above (the table, a process's details) or the log pane. */
  readonly focus: 'page' | 'log';
  readonly log: LogPane;
  /** The log pane takes the whole screen (the keys are then the log pane's). */
  readonly logZoomed: boolean;
  readonly overlay: Overlay | null;
  /** Commands sent and not answered yet: id → what the status line says about it. */
  readonly pending: ReadonlyMap<number, string>;
  readonly nextCommandId: number;
  readonly message: StatusMessage | null;
}

export const initialState = (
  hosts: readonly HostAddress[],
  size: Size,
  nowMs: number,
): DashboardState => ({
  size,
  nowMs,
  hosts: hosts.map(newHostLink),
  processes: [],
  usage: new Map(),
  health: new Map(),
  sort: 'name',
  grouped: true,
  filter: { text: '', editing: false, returnKey: null },
  rows: [],
  selectedKey: null,
  selectedIndex: 0,
  scrollTop: 0,
  page: { kind: 'table' },
  config: { kind: 'none' },
  detail: { kind: 'none' },
  focus: 'page',
  log: emptyLogPane,
  logZoomed: false,
  overlay: null,
  pending: new Map(),
  nextCommandId: 1,
  message: null,
});

export const layoutOf = (state: DashboardState) => layoutFor(state.size, state.logZoomed);

/** What the log pane has room for now. */
export const logViewport = (state: DashboardState) => ({
  height: layoutOf(state).logHeight,
  width: state.size.cols,
});

/** Which of the keymap's contexts the keys are in. */
export const keyContext = (state: DashboardState): KeyContext =>
  state.focus === 'log' ? 'log' : state.page.kind;

/** Whether this is a fleet's dashboard (a HOST column, a row per host that is down). */
export const isFleet = (state: DashboardState): boolean => state.hosts.length > 1;

const LINK_MISSING: HostLink = newHostLink({ name: '', serverUrl: '' });

/** The link of `host`; every state has its hosts, so a missing one is a caller's slip. */
export const linkOf = (state: DashboardState, host: string): HostLink =>
  state.hosts.find((link) => link.name === host) ?? LINK_MISSING;
