// The daemon's own state ("mood") and its wire codes, as supervisor.getState reports them.

export const SUPERVISOR_STATE_CODES = {
  FATAL: 2,
  RUNNING: 1,
  RESTARTING: 0,
  SHUTDOWN: -1,
} as const;

export type SupervisorStateName = keyof typeof SUPERVISOR_STATE_CODES;
