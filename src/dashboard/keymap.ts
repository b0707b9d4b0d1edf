// The dashboard's keys as data: which keys mean which intent, and the labels the footer and the
// `?` overlay show. model.ts decides what an intent does in the current mode.

export type Intent =
  | 'up'
  | 'down'
  | 'page-up'
  | 'page-down'
  | 'home'
  | 'end'
  | 'start'
  | 'stop'
  | 'restart'
  | 'signal'
  | 'clear'
  | 'update'
  | 'start-all'
  | 'stop-all'
  | 'restart-all'
  | 'channel'
  | 'main-log'
  | 'focus'
  | 'filter'
  | 'sort'
  | 'group'
  | 'help'
  | 'quit';

export interface Binding {
  readonly intent: Intent;
  /** Key names as the screen reports them (blessed's `full` names: `up`, `k`, `S`, `C-c`). */
  readonly keys: readonly string[];
  /** How the keys are written for people. */
  readonly label: string;
  readonly help: string;
  /** The footer's word for it; null: only in the help overlay. */
  readonly footer: string | null;
}

export const BINDINGS: readonly Binding[] = [
  {
    intent: 'up',
    keys: ['up', 'k'],
    label: '↑ k',
    help: 'select the row above (log pane: scroll up)',
    footer: 'move',
  },
  {
    intent: 'down',
    keys: ['down', 'j'],
    label: '↓ j',
    help: 'select the row below (log pane: scroll down)',
    footer: null,
  },
  {
    intent: 'page-up',
    keys: ['pageup', 'C-b'],
    label: 'PgUp ^B',
    help: 'one page up',
    footer: null,
  },
  {
    intent: 'page-down',
    keys: ['pagedown', 'C-f'],
    label: 'PgDn ^F',
    help: 'one page down',
    footer: null,
  },
  {
    intent: 'home',
    keys: ['home'],
    label: 'Home',
    help: 'first row (log pane: oldest line)',
    footer: null,
  },
  {
    intent: 'end',
    keys: ['end', 'G'],
    label: 'End G',
    help: 'last row (log pane: follow the end)',
    footer: null,
  },
  {
    intent: 'start',
    keys: ['s'],
    label: 's',
    help: 'start the selected process or group',
    footer: 'start',
  },
  {
    intent: 'stop',
    keys: ['x'],
    label: 'x',
    help: 'stop the selected process or group',
    footer: 'stop',
  },
  {
    intent: 'restart',
    keys: ['r'],
    label: 'r',
    help: 'restart the selected process or group',
    footer: 'restart',
  },
  {
    intent: 'signal',
    keys: ['i'],
    label: 'i',
    help: 'send a signal to the selection (pick one)',
    footer: 'signal',
  },
  {
    intent: 'clear',
    keys: ['c'],
    label: 'c',
    help: "clear the selection's log files",
    footer: 'clear log',
  },
  {
    intent: 'update',
    keys: ['u'],
    label: 'u',
    help: 'reread the configuration and apply it (update)',
    footer: 'update',
  },
  {
    intent: 'start-all',
    keys: ['S'],
    label: 'S',
    help: 'start all processes (asks first)',
    footer: null,
  },
  {
    intent: 'stop-all',
    keys: ['X'],
    label: 'X',
    help: 'stop all processes (asks first)',
    footer: null,
  },
  {
    intent: 'restart-all',
    keys: ['R'],
    label: 'R',
    help: 'restart all processes (asks first)',
    footer: null,
  },
  {
    intent: 'channel',
    keys: ['e'],
    label: 'e',
    help: 'log pane: stdout / stderr of the selection',
    footer: 'stdout/err',
  },
  {
    intent: 'main-log',
    keys: ['m'],
    label: 'm',
    help: "log pane: the daemon's main log / back",
    footer: 'main log',
  },
  {
    intent: 'focus',
    keys: ['tab', 'S-tab'],
    label: 'Tab',
    help: 'move the keys between table and log pane',
    footer: 'log pane',
  },
  {
    intent: 'filter',
    keys: ['/'],
    label: '/',
    help: 'filter by name or state (Enter keeps it, Esc clears it)',
    footer: 'filter',
  },
  {
    intent: 'sort',
    keys: ['o'],
    label: 'o',
    help: 'sort by name, state, CPU, memory, uptime, restarts',
    footer: 'sort',
  },
  {
    intent: 'group',
    keys: ['g'],
    label: 'g',
    help: 'group rows by process group, or not',
    footer: null,
  },
  { intent: 'help', keys: ['?', 'f1'], label: '? F1', help: 'this help', footer: 'help' },
  { intent: 'quit', keys: ['q', 'C-c'], label: 'q ^C', help: 'quit', footer: 'quit' },
];

/** Shorter labels for the footer: `↑↓ jk` for the pair of move bindings, one key elsewhere. */
export const FOOTER_LABELS: Partial<Record<Intent, string>> = { up: '↑↓ jk', help: '?', quit: 'q' };

/** Keys of the modes that take over the keyboard, for the help overlay. */
export const MODE_KEYS: readonly {
  readonly mode: string;
  readonly keys: readonly (readonly [string, string])[];
}[] = [
  {
    mode: 'Filter (after /)',
    keys: [
      ['text', 'filter as you type'],
      ['Enter', 'keep the filter'],
      ['Esc', 'clear it'],
    ],
  },
  {
    mode: 'Signal picker (after i)',
    keys: [
      ['↑ ↓', 'choose'],
      ['Enter', 'send'],
      ['Esc', 'cancel'],
    ],
  },
  {
    mode: 'Confirmation',
    keys: [
      ['y', 'go ahead'],
      ['any other key', 'cancel'],
    ],
  },
];

const BY_KEY: ReadonlyMap<string, Intent> = new Map(
  BINDINGS.flatMap((b) => b.keys.map((key) => [key, b.intent] as const)),
);

export const intentOf = (key: string): Intent | undefined => BY_KEY.get(key);
