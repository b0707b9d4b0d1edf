// The differences from supervisord 4.2.5 the compat suite accepts, each with its reason and how
// the step is compared instead. A step that hits one names it (`differs`). docs/api.md lists the
// same names; a test keeps the two lists in step.

export type DifferenceCompare =
  /** not compared; the suite fails if the two answers are equal (a stale entry) */
  | 'skip'
  /** output lines, or the members of each result array, compared in sorted order */
  | 'unordered';

export interface DifferenceEntry {
  readonly compare: DifferenceCompare;
  readonly reason: string;
}

export const ALLOWED_DIFFERENCES = {
  'param-type-checks': {
    compare: 'skip',
    reason:
      "A parameter of the wrong XML-RPC type is INCORRECT_PARAMETERS before the method runs. supervisord checks only the count, then carries on with what it got: the string 'yes' as wait is true, '0' as an offset is 0, an int as a name is BAD_NAME (or a 500).",
  },
  'path-to-auto-logfile': {
    compare: 'skip',
    reason:
      "reread/update: when a running program's log file goes from a path back to AUTO, supervisord sees no change (it skips AUTO values when comparing), so update leaves the old file in use. We report the group as changed, so update applies it.",
  },
  'clear-stopped-process-logs': {
    compare: 'skip',
    reason:
      'clearProcessLogs (supervisorctl clear) on a process that has run and is now stopped: supervisord answers true but clears nothing (it only reaches the logs of a live process). We clear the files.',
  },
  'group-result-order': {
    compare: 'unordered',
    reason:
      'Waited-for results of group/all start and stop: supervisord lists them in the order its poll loop happens to notice each outcome, which varies from run to run (two processes stopped together come out either way round). We list outcomes known at once first, then the waited-for ones in completion order, where outcomes less than 200 ms apart count as simultaneous and keep priority order: the same lines, in a stable order.',
  },
  'invalid-utf8-log': {
    compare: 'skip',
    reason:
      'Log bytes that are not UTF-8 (binary output, or a read window that cuts a character in two): supervisord fails the call with HTTP 500 (supervisorctl tail prints a traceback-like error); we answer the text with U+FFFD in place of the bad bytes.',
  },
  'method-help-text': {
    compare: 'skip',
    reason:
      'system.methodHelp: the texts are our own (supervisord returns its Python docstrings). The @param/@return tags, and so system.methodSignature, are the same.',
  },
  'tssupervisor-namespace': {
    compare: 'skip',
    reason:
      'system.listMethods also lists our own tssupervisor.* methods (getProcessStats, waitForStateChange: the dashboard uses them). The supervisor.* and system.* names are the same 41; an integration test checks the exact list.',
  },
  'stdin-fault-repr': {
    compare: 'skip',
    reason:
      "sendProcessStdin with an array or struct: supervisord puts its Python repr in the fault string (INCORRECT_PARAMETERS: [1, 'a']); we answer INCORRECT_PARAMETERS without a detail.",
  },
  'web-bad-action-status': {
    compare: 'skip',
    reason:
      'The status page asked for an unknown action, or a process action without a processname: supervisord fails with HTTP 500 (an uncaught ValueError); we answer 400 with the page and the reason in its banner.',
  },
} as const satisfies Record<string, DifferenceEntry>;

export type AllowedDifference = keyof typeof ALLOWED_DIFFERENCES;
