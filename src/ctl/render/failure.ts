// One line for a call that failed in a way no command handles itself: where supervisorctl
// prints a Python traceback summary, we print `error: ` and what went wrong, never a stack.

import { describeFailure } from '../../client-text/failure-text.js';
import { RpcClientError } from '../../protocol/client-error.js';

/** The `error: …` line for anything a command let through. */
export const renderErrorLine = (error: unknown, serverUrl: string): string => {
  if (error instanceof RpcClientError) {
    return `error: ${describeFailure(error.failure, serverUrl)}`;
  }
  return `error: ${error instanceof Error ? error.message : String(error)}`;
};
