// What legitimately differs between two runs of the same scenario, and nothing else: the temp
// dir, AUTO log names' random part, pids, uptimes, timestamps and stop times. Every rule is
// anchored to the exact format it rewrites.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const TEXT_RULES: readonly (readonly [RegExp, string])[] = [
  // AUTO child logs: <name>-<channel>---<identifier>-<8 random chars>.log
  [/(-(?:stdout|stderr)---compat-)[a-z0-9_]{8}(\.log)/g, '$1<RAND>$2'],
  // getProcessInfo description / status column of a RUNNING process
  [/\bpid \d+, uptime (?:\d+ days?, )?\d+:\d\d:\d\d\b/g, 'pid <PID>, uptime <UPTIME>'],
  // description of a stopped process: strftime('%b %d %I:%M %p')
  [/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d\d \d\d:\d\d [AP]M\b/g, '<STOPTIME>'],
  // main log line prefix
  [/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} /gm, '<TS> '],
  // the web pages' redirect messages: time.ctime(), percent-encoded (`Sat%20Dec%20%205%20...`)
  [/[A-Z][a-z]{2}%20[A-Z][a-z]{2}%20(?:%20)?\d{1,2}%20\d\d%3A\d\d%3A\d\d%20\d{4}\b/g, '<CTIME>'],
  // main log texts that name pids
  [/with pid \d+/g, 'with pid <PID>'],
  [/\(pid \d+\)/g, '(pid <PID>)'],
];

export const normalizeText = (text: string, dir: string): string =>
  TEXT_RULES.reduce(
    (t, [pattern, replacement]) => t.replace(pattern, replacement),
    text.replaceAll(dir, '<DIR>'),
  );

/** Struct members that hold pids or epoch seconds (0 stays 0: "never" must match). */
const MASKED_KEYS: Readonly<Record<string, string>> = {
  pid: '<PID>',
  start: '<TIME>',
  stop: '<TIME>',
  now: '<TIME>',
};

export const normalizeValue = (value: Json, dir: string): Json => {
  if (typeof value === 'string') {
    return normalizeText(value, dir);
  }
  if (Array.isArray(value)) {
    return value.map((v) => normalizeValue(v, dir));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        const mask = MASKED_KEYS[k];
        return [
          k,
          mask !== undefined && typeof v === 'number' && v !== 0 ? mask : normalizeValue(v, dir),
        ];
      }),
    );
  }
  return value;
};

/** Methods whose whole answer is a pid. */
export const PID_METHODS: ReadonlySet<string> = new Set(['supervisor.getPID']);
