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
  'group-result-order': {
    compare: 'unordered',
    reason:
      'Waited-for results of group/all start and stop: supervisord lists them in the order its poll loop happens to notice each outcome, which varies from run to run (two processes stopped together come out either way round). We list outcomes known at once first, then the waited-for ones in completion order, where outcomes less than 200 ms apart count as simultaneous and keep priority order: the same lines, in a stable order.',
  },
  'method-help-text': {
    compare: 'skip',
    reason:
      'system.methodHelp: the texts are our own (supervisord returns its Python docstrings). The @param/@return tags, and so system.methodSignature, are the same.',
  },
  'stdin-fault-repr': {
    compare: 'skip',
    reason:
      "sendProcessStdin with an array or struct: supervisord puts its Python repr in the fault string (INCORRECT_PARAMETERS: [1, 'a']); we answer INCORRECT_PARAMETERS without a detail.",
  },
} as const satisfies Record<string, DifferenceEntry>;

export type AllowedDifference = keyof typeof ALLOWED_DIFFERENCES;
