// The per-process "status struct" that group and all-process operations answer with
// ({name, group, status, description}), both sides: the server's encoder from an outcome (a
// fault or none), and the clients' reader.

import { FAULT_CODES, faultString, type Fault } from '../model/faults.js';
import { readStruct, type WireValue } from './wire-value.js';

export type StatusResult = {
  readonly name: string;
  readonly group: string;
  /** A fault code; SUCCESS (80) when the action worked. */
  readonly status: number;
  /** 'OK' or the faultString. */
  readonly description: string;
};

/** One process's outcome: SUCCESS without a fault, else the fault's code and string. */
export const encodeStatusResult = (
  group: string,
  name: string,
  fault: Fault | undefined,
): StatusResult => ({
  name,
  group,
  status: fault === undefined ? FAULT_CODES.SUCCESS : FAULT_CODES[fault.fault],
  description: fault === undefined ? 'OK' : faultString(fault),
});

export const successResult = (group: string, name: string): StatusResult =>
  encodeStatusResult(group, name, undefined);

export const readStatusResult = (method: string, value: WireValue): StatusResult => {
  const s = readStruct(method, value);
  return {
    name: s.string('name'),
    group: s.string('group'),
    status: s.int('status'),
    description: s.optionalString('description', ''),
  };
};
