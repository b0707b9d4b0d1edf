// supervisord's process states, their wire codes, and the named state groups clients rely on.
// Imports nothing: every layer may name a state.

export const PROCESS_STATE_CODES = {
  STOPPED: 0,
  STARTING: 10,
  RUNNING: 20,
  BACKOFF: 30,
  STOPPING: 40,
  EXITED: 100,
  FATAL: 200,
  UNKNOWN: 1000,
} as const;

export type ProcessStateName = keyof typeof PROCESS_STATE_CODES;
export type ProcessStateCode = (typeof PROCESS_STATE_CODES)[ProcessStateName];

/** States in which a process is not up and `start` is allowed. */
export const STOPPED_STATES: ReadonlySet<ProcessStateName> = new Set([
  'STOPPED',
  'EXITED',
  'FATAL',
  'UNKNOWN',
]);

/** States in which a process counts as up (or trying to be): `stop` is allowed. */
export const RUNNING_STATES: ReadonlySet<ProcessStateName> = new Set([
  'RUNNING',
  'BACKOFF',
  'STARTING',
]);

/** States in which a process has a pid that can be signalled. */
export const SIGNALLABLE_STATES: ReadonlySet<ProcessStateName> = new Set([
  'RUNNING',
  'STARTING',
  'STOPPING',
]);

export const isStoppedState = (s: ProcessStateName): boolean => STOPPED_STATES.has(s);
export const isRunningState = (s: ProcessStateName): boolean => RUNNING_STATES.has(s);
export const isSignallableState = (s: ProcessStateName): boolean => SIGNALLABLE_STATES.has(s);
