// The versions we name: the supervisord release whose behaviour and API we reproduce (what
// supervisor.getSupervisorVersion answers), and how both commands' --version put it beside ours.

export const SUPERVISOR_VERSION = '4.2.5';

/** `tssupervisord --version` and `tssupervisorctl --version`: `4.2.5 (tssupervisor 0.1.0)`. */
export const versionLine = (ours: string): string => `${SUPERVISOR_VERSION} (tssupervisor ${ours})`;
