// Linux signal names and numbers, the set supervisord accepts in config (names with or without
// SIG, aliases, or the numbers Python's signal module knows). Pure data, shared by config,
// engine and rpc.

export const SIGNAL_NUMBERS = {
  HUP: 1,
  INT: 2,
  QUIT: 3,
  ILL: 4,
  TRAP: 5,
  ABRT: 6,
  BUS: 7,
  FPE: 8,
  KILL: 9,
  USR1: 10,
  SEGV: 11,
  USR2: 12,
  PIPE: 13,
  ALRM: 14,
  TERM: 15,
  STKFLT: 16,
  CHLD: 17,
  CONT: 18,
  STOP: 19,
  TSTP: 20,
  TTIN: 21,
  TTOU: 22,
  URG: 23,
  XCPU: 24,
  XFSZ: 25,
  VTALRM: 26,
  PROF: 27,
  WINCH: 28,
  IO: 29,
  PWR: 30,
  SYS: 31,
  RTMIN: 34,
  RTMAX: 64,
} as const;

/** A canonical signal name without the SIG prefix, e.g. `TERM`. */
export type SignalName = keyof typeof SIGNAL_NUMBERS;

/** Alternative names Python's signal module also knows. */
const ALIASES: Readonly<Record<string, SignalName>> = { IOT: 'ABRT', CLD: 'CHLD', POLL: 'IO' };

const BY_NUMBER: ReadonlyMap<number, SignalName> = new Map(
  Object.entries(SIGNAL_NUMBERS).map(([name, num]) => [num, name as SignalName]),
);

/** `term`, `SIGTERM`, ` Term ` → `TERM`; unknown → undefined. */
export const signalByName = (raw: string): SignalName | undefined => {
  let name = raw.trim().toUpperCase();
  if (name.startsWith('SIG')) {
    name = name.slice(3);
  }
  if (Object.hasOwn(SIGNAL_NUMBERS, name)) {
    return name as SignalName;
  }
  return ALIASES[name];
};

export const signalByNumber = (num: number): SignalName | undefined => BY_NUMBER.get(num);

export const signalNumber = (name: SignalName): number => SIGNAL_NUMBERS[name];
