// How long the fault suite runs: short by default (CI), long with FAULTS_LONG=1
// (`npm run test:faults:long`). Each soak picks its length here, so one switch scales them all.

export const FAULTS_LONG = process.env['FAULTS_LONG'] === '1';

/** `shortMs` in CI, `longMs` when the long suite was asked for. */
export const soakMs = (shortMs: number, longMs: number): number => (FAULTS_LONG ? longMs : shortMs);
