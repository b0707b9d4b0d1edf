// The closed set of supervisord XML-RPC fault codes. The ctl maps them to exit codes; the RPC
// layer renders them as faultString `NAME` or `NAME: detail`.

export const FAULT_CODES = {
  UNKNOWN_METHOD: 1,
  INCORRECT_PARAMETERS: 2,
  BAD_ARGUMENTS: 3,
  SIGNATURE_UNSUPPORTED: 4,
  SHUTDOWN_STATE: 6,
  BAD_NAME: 10,
  BAD_SIGNAL: 11,
  NO_FILE: 20,
  NOT_EXECUTABLE: 21,
  FAILED: 30,
  ABNORMAL_TERMINATION: 40,
  SPAWN_ERROR: 50,
  ALREADY_STARTED: 60,
  NOT_RUNNING: 70,
  SUCCESS: 80,
  ALREADY_ADDED: 90,
  STILL_RUNNING: 91,
  CANT_REREAD: 92,
} as const;

export type FaultName = keyof typeof FAULT_CODES;

/** A request-level failure: data, not an exception that escapes the daemon. */
export interface Fault {
  readonly fault: FaultName;
  readonly detail?: string;
}

export const faultString = (f: Fault): string =>
  f.detail === undefined ? f.fault : `${f.fault}: ${f.detail}`;
