// The per-process "status struct" that group and all-process operations answer with
// ({name, group, status, description}), and the same shape built from a single call's fault.

import { FAULT_CODES } from '../../model/faults.js';
import { readStruct, type WireValue } from './wire-value.js';

export interface StatusResult {
  readonly name: string;
  readonly group: string;
  /** A fault code; SUCCESS (80) when the action worked. */
  readonly status: number;
  /** 'OK' or the faultString. */
  readonly description: string;
}

export const readStatusResult = (method: string, value: WireValue): StatusResult => {
  const s = readStruct(method, value);
  return {
    name: s.string('name'),
    group: s.string('group'),
    status: s.int('status'),
    description: s.optionalString('description', ''),
  };
};

export const successResult = (group: string, name: string): StatusResult => ({
  name,
  group,
  status: FAULT_CODES.SUCCESS,
  description: 'OK',
});
