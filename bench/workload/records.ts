// Reads the record file the workload programs append to ("<event> <name> <pid> <epoch s.us>").

import { readFileSync } from 'node:fs';

export interface ProgramRecord {
  readonly event: string;
  readonly name: string;
  readonly pid: number;
  /** wall clock, ms since the epoch (fractional) */
  readonly atMs: number;
}

export const readRecords = (path: string): ProgramRecord[] => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  const records: ProgramRecord[] = [];
  for (const line of text.split('\n')) {
    const [event, name, pid, at] = line.split(' ');
    if (event !== undefined && name !== undefined && pid !== undefined && at !== undefined) {
      records.push({ event, name, pid: Number(pid), atMs: Number(at) * 1000 });
    }
  }
  return records;
};

/** The latest `up` record per program name. */
export const latestUp = (records: readonly ProgramRecord[]): Map<string, ProgramRecord> => {
  const latest = new Map<string, ProgramRecord>();
  for (const record of records) {
    if (record.event === 'up') {
      latest.set(record.name, record);
    }
  }
  return latest;
};
