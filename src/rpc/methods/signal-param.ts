// signalProcess's `signal` parameter as supervisord reads it: a number (int or numeric text, as
// Python's int() accepts it) or a name with or without SIG. Python's signal module also answers
// to SIG_DFL/SIG_IGN/... and to 0, so those are accepted too.

import { signalByName, signalByNumber, type SignalName } from '../../model/signals.js';

/** `probe` is signal 0: nothing is delivered, the call only checks the process is there. */
export type SignalRequest =
  { readonly kind: 'signal'; readonly name: SignalName } | { readonly kind: 'probe' };

/** The handler constants of Python's signal module, which its name lookup also finds. */
const HANDLER_CONSTANTS: Readonly<Record<string, number>> = {
  SIG_DFL: 0,
  SIG_IGN: 1,
  SIG_BLOCK: 0,
  SIG_UNBLOCK: 1,
  SIG_SETMASK: 2,
};

/** Python's int() of a string: surrounding blanks, a sign, digits with single underscores. */
const PYTHON_INT = /^\s*[+-]?\d+(?:_\d+)*\s*$/;

const fromNumber = (n: number): SignalRequest | undefined => {
  if (n === 0) {
    return { kind: 'probe' };
  }
  const name = signalByNumber(n);
  return name === undefined ? undefined : { kind: 'signal', name };
};

/** undefined: BAD_SIGNAL. */
export const parseSignal = (value: string | number): SignalRequest | undefined => {
  if (typeof value === 'number') {
    return fromNumber(value);
  }
  if (PYTHON_INT.test(value)) {
    return fromNumber(Number(value.replaceAll('_', '').trim()));
  }
  const upper = value.trim().toUpperCase();
  const constant = HANDLER_CONSTANTS[upper.startsWith('SIG') ? upper : `SIG${upper}`];
  if (constant !== undefined) {
    return fromNumber(constant);
  }
  const name = signalByName(value);
  return name === undefined ? undefined : { kind: 'signal', name };
};
