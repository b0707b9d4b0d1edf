// The dashboard's keys as data: which keys mean which intent where (everywhere, in the table, on
// a process's detail page, in the log pane), the labels the footer and the `?` overlay show, and
// what each footer offers first. key-input.ts decides what an intent does in the current state.

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
  | 'zoom'
  | 'follow'
  | 'wrap'
  | 'focus'
  | 'leave-log'
  | 'search'
  | 'next-match'
  | 'previous-match'
  | 'details'
  | 'back'
  | 'filter'
  | 'clear-filter'
  | 'sort'
  | 'group'
  | 'help'
  | 'quit';

/** Where the keys are: the table, a process's details (after Enter), or the log pane (Tab). */
export type KeyContext = 'table' | 'detail' | 'log';

/** A context's own keys come first; `everywhere` keys apply in every context they are not taken. */
export type Section = 'everywhere' | KeyContext;

export interface Binding {
  readonly section: Section;
  readonly intent: Intent;
  /** Key names as the screen reports them (blessed's `full` names: `up`, `k`, `S`, `C-c`). */
  readonly keys: readonly string[];
  /** How the keys are written for people. */
  readonly label: string;
  readonly help: string;
  /** The footer's word for it; null: only in the help overlay. */
  readonly footer: string | null;
  /** A shorter label for the footer (`↑↓` for the pair of moves). */
  readonly footerLabel?: string;
}

const moves = (
  section: KeyContext,
  help: Readonly<Record<'up' | 'down' | 'page-up' | 'page-down' | 'home' | 'end', string>>,
  footer: string,
): Binding[] => [
  {
    section,
    intent: 'up',
    keys: ['up', 'k'],
    label: '↑ k',
    help: help.up,
    footer,
    footerLabel: '↑↓',
  },
  { section, intent: 'down', keys: ['down', 'j'], label: '↓ j', help: help.down, footer: null },
  {
    section,
    intent: 'page-up',
    keys: ['pageup', 'C-b'],
    label: 'PgUp ^B',
    help: help['page-up'],
    footer: null,
  },
  {
    section,
    intent: 'page-down',
    keys: ['pagedown', 'C-f'],
    label: 'PgDn ^F',
    help: help['page-down'],
    footer: null,
  },
  { section, intent: 'home', keys: ['home'], label: 'Home', help: help.home, footer: null },
  { section, intent: 'end', keys: ['end', 'G'], label: 'End G', help: help.end, footer: null },
];

/** Tab from the table or a detail page: the keys go to the log pane. */
const toLogPane = (section: KeyContext): Binding => ({
  section,
  intent: 'focus',
  keys: ['tab', 'S-tab'],
  label: 'Tab',
  help: 'give the keys to the log pane',
  footer: 'log pane',
});

const everywhere = (
  intent: Intent,
  keys: readonly string[],
  help: string,
  footer: string | null = null,
): Binding => ({ section: 'everywhere', intent, keys, label: keys.join(' '), help, footer });

export const BINDINGS: readonly Binding[] = [
  ...moves(
    'table',
    {
      up: 'select the row above',
      down: 'select the row below',
      'page-up': 'one page up',
      'page-down': 'one page down',
      home: 'the first row',
      end: 'the last row',
    },
    'move',
  ),
  {
    section: 'table',
    intent: 'details',
    keys: ['enter'],
    label: 'Enter',
    help: 'the details of the selected process',
    footer: 'details',
  },
  {
    section: 'table',
    intent: 'filter',
    keys: ['/'],
    label: '/',
    help: 'a new filter: [host:]name or state (Enter keeps, Esc clears)',
    footer: 'filter',
  },
  {
    section: 'table',
    intent: 'clear-filter',
    keys: ['escape'],
    label: 'Esc',
    help: 'clear the filter (the selection stays)',
    footer: null,
  },
  {
    section: 'table',
    intent: 'sort',
    keys: ['o'],
    label: 'o',
    help: 'sort by name, state, CPU, memory, uptime, restarts',
    footer: 'sort',
  },
  {
    section: 'table',
    intent: 'group',
    keys: ['g'],
    label: 'g',
    help: 'group rows by host and process group, or not',
    footer: null,
  },
  toLogPane('table'),
  ...moves(
    'detail',
    {
      up: 'scroll up a line',
      down: 'scroll down a line',
      'page-up': 'scroll up a page',
      'page-down': 'scroll down a page',
      home: 'the top',
      end: 'the bottom',
    },
    'scroll',
  ),
  {
    section: 'detail',
    intent: 'back',
    keys: ['escape', 'enter'],
    label: 'Esc Enter',
    help: 'back to the table',
    footer: 'back',
    footerLabel: 'Esc',
  },
  toLogPane('detail'),
  ...moves(
    'log',
    {
      up: 'scroll up a line',
      down: 'scroll down a line',
      'page-up': 'scroll up a page',
      'page-down': 'scroll down a page',
      home: 'the oldest line',
      end: 'the newest line, and follow the end',
    },
    'scroll',
  ),
  {
    section: 'log',
    intent: 'focus',
    keys: ['tab', 'S-tab'],
    label: 'Tab',
    help: 'give the keys back to the table (from full screen too)',
    footer: 'table',
  },
  {
    section: 'log',
    intent: 'search',
    keys: ['/'],
    label: '/',
    help: 'search the log (Enter keeps it, Esc drops it)',
    footer: 'search',
  },
  {
    section: 'log',
    intent: 'next-match',
    keys: ['n'],
    label: 'n',
    help: 'the next match, older',
    footer: 'next/prev',
    footerLabel: 'n N',
  },
  {
    section: 'log',
    intent: 'previous-match',
    keys: ['N'],
    label: 'N',
    help: 'the previous match, newer',
    footer: null,
  },
  {
    section: 'log',
    intent: 'leave-log',
    keys: ['escape'],
    label: 'Esc',
    help: 'drop the search, else back to the table (from full screen too)',
    footer: null,
  },
  everywhere('start', ['s'], 'start the selected process or group', 'start'),
  everywhere('stop', ['x'], 'stop the selected process or group', 'stop'),
  everywhere('restart', ['r'], 'restart the selected process or group', 'restart'),
  everywhere('signal', ['i'], 'send a signal to the selection (pick one)', 'signal'),
  everywhere('clear', ['c'], "clear the selection's log files", 'clear log'),
  everywhere('update', ['u'], 'reread the configuration and apply it (update)', 'update'),
  everywhere('start-all', ['S'], 'start all processes (asks first)'),
  everywhere('stop-all', ['X'], 'stop all processes (asks first)'),
  everywhere('restart-all', ['R'], 'restart all processes (asks first)'),
  everywhere('channel', ['e'], 'log pane: stdout / stderr / both of the selection', 'out/err/both'),
  everywhere('main-log', ['m'], "log pane: the daemon's main log / back", 'main log'),
  everywhere('zoom', ['f'], 'log pane: full screen / back', 'full log'),
  everywhere('follow', ['F'], 'log pane: follow the end / pause where it is', 'follow'),
  everywhere('wrap', ['w'], 'log pane: wrap long lines / cut them at the edge', 'wrap'),
  { ...everywhere('help', ['?', 'f1'], 'all the keys', 'help'), label: '? F1', footerLabel: '?' },
  { ...everywhere('quit', ['q', 'C-c'], 'quit', 'quit'), label: 'q ^C', footerLabel: 'q' },
];

/**
 * What each context's footer offers, most wanted first: on a narrow terminal the footer shows
 * as many as fit, and always ends with the pinned ones (help and quit).
 */
export const FOOTERS: Readonly<
  Record<KeyContext, { readonly first: readonly Intent[]; readonly pinned: readonly Intent[] }>
> = {
  table: {
    first: [
      'up',
      'details',
      'start',
      'stop',
      'restart',
      'filter',
      'zoom',
      'focus',
      'signal',
      'clear',
      'sort',
      'update',
      'channel',
      'main-log',
    ],
    pinned: ['help', 'quit'],
  },
  detail: {
    first: ['up', 'start', 'stop', 'restart', 'focus', 'zoom', 'signal', 'channel', 'clear'],
    pinned: ['back', 'help', 'quit'],
  },
  log: {
    first: [
      'up',
      'search',
      'next-match',
      'zoom',
      'follow',
      'wrap',
      'channel',
      'focus',
      'main-log',
      'restart',
    ],
    pinned: ['help', 'quit'],
  },
};

/** How the help overlay and docs/dashboard.md head each section. */
export const SECTION_TITLES: Readonly<Record<Section, string>> = {
  table: 'In the table',
  detail: "In a process's details (after Enter)",
  log: 'In the log pane (after Tab)',
  everywhere: 'Everywhere',
};

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
      ['Esc', 'clear it, back to the row selected before'],
    ],
  },
  {
    mode: 'Log search (after / in the log pane)',
    keys: [
      ['text', 'search as you type: the newest match is shown'],
      ['Enter', 'keep the search (n N: older, newer match)'],
      ['Esc', 'drop it'],
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

const SECTION_KEYS: ReadonlyMap<Section, ReadonlyMap<string, Binding>> = new Map(
  (['everywhere', 'table', 'detail', 'log'] as const).map((section) => [
    section,
    new Map(
      BINDINGS.filter((b) => b.section === section).flatMap((b) =>
        b.keys.map((key) => [key, b] as const),
      ),
    ),
  ]),
);

/** The binding a key has in a context: the context's own, else the one everywhere. */
export const bindingOf = (key: string, context: KeyContext): Binding | undefined =>
  SECTION_KEYS.get(context)?.get(key) ?? SECTION_KEYS.get('everywhere')?.get(key);

export const intentOf = (key: string, context: KeyContext): Intent | undefined =>
  bindingOf(key, context)?.intent;

/** The binding that gives an intent its label in a context (its own section's first). */
export const bindingFor = (intent: Intent, context: KeyContext): Binding | undefined =>
  BINDINGS.find((b) => b.section === context && b.intent === intent) ??
  BINDINGS.find((b) => b.section === 'everywhere' && b.intent === intent);
