// One call of a tssupervisor.* method the beat makes: its answer goes to the reducer, and the
// first answer, or an UNKNOWN_METHOD fault (supervisord), says whether the daemon has it.

import { isUnknownMethod } from './failures.js';
import type { Feature, Support } from './host-link.js';
import type { DaemonInput } from './inputs.js';

export interface FeatureCall<T> {
  readonly feature: Feature;
  /** What is known so far of the daemon's support for it. */
  readonly support: Support;
  readonly call: () => Promise<T>;
  /** The answer as the reducer takes it. */
  readonly answer: (result: T) => DaemonInput;
}

export const callFeature = async <T>(
  { feature, support, call, answer }: FeatureCall<T>,
  dispatch: (input: DaemonInput) => void,
): Promise<void> => {
  try {
    dispatch(answer(await call()));
    if (support === 'unknown') {
      dispatch({ type: 'support', feature, support: 'yes' });
    }
  } catch (error) {
    // Connection trouble is process-sync's to report; here only a missing method matters.
    if (isUnknownMethod(error)) {
      dispatch({ type: 'support', feature, support: 'no' });
    }
  }
};
