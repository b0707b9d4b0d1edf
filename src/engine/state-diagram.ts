// Renders the transition table as documentation: a Mermaid stateDiagram-v2 of every move and a
// state × input matrix of every decision. A test keeps docs/state-machine.md equal to it.

import type { Cell, InputType, StateKind, TransitionTable } from './machine-types.js';
import { INPUT_TYPES, STATE_KINDS, STATE_NAMES } from './machine-types.js';

export const GENERATED_BEGIN = '<!-- BEGIN GENERATED from src/engine/transitions.ts -->';
export const GENERATED_END = '<!-- END GENERATED -->';

type AnyCell = Cell<StateKind, InputType>;

/**
 * supervisord's name for each state, except the two of ours that share one: WAITING (depends_on,
 * reported as STARTING) and DELAYED (restart pacing, reported as BACKOFF).
 */
const LABELS: { readonly [K in StateKind]: string } = {
  ...STATE_NAMES,
  waiting: 'WAITING',
  delayed: 'DELAYED',
};

const cellAt = (table: TransitionTable, state: StateKind, input: InputType): AnyCell =>
  table[state][input] as AnyCell;

export const renderMermaid = (table: TransitionTable): string => {
  const edges = new Map<string, string[]>();
  for (const state of STATE_KINDS) {
    for (const input of INPUT_TYPES) {
      const cell = cellAt(table, state, input);
      if (cell.kind !== 'move') {
        continue;
      }
      for (const target of cell.to) {
        const key = `${LABELS[state]} --> ${LABELS[target]}`;
        edges.set(key, [...(edges.get(key) ?? []), input]);
      }
    }
  }
  const lines = ['stateDiagram-v2', `    [*] --> ${LABELS.stopped}`];
  for (const [edge, inputs] of edges) {
    lines.push(`    ${edge}: ${inputs.join(', ')}`);
  }
  return lines.join('\n');
};

const describeCell = (cell: AnyCell): string => {
  switch (cell.kind) {
    case 'ignore':
      return 'ignore';
    case 'reject':
      return `reject ${cell.fault}`;
    case 'move':
      return cell.to.length === 0 ? 'stay' : `→ ${cell.to.map((k) => LABELS[k]).join(' / ')}`;
  }
};

export const renderMatrix = (table: TransitionTable): string => {
  const header = `| input \\ state | ${STATE_KINDS.map((k) => LABELS[k]).join(' | ')} |`;
  const rule = `|---|${STATE_KINDS.map(() => '---').join('|')}|`;
  const rows = INPUT_TYPES.map(
    (input) =>
      `| ${input} | ${STATE_KINDS.map((state) => describeCell(cellAt(table, state, input))).join(' | ')} |`,
  );
  return [header, rule, ...rows].join('\n');
};

/** The block docs/state-machine.md must contain verbatim. */
export const renderStateMachineDoc = (table: TransitionTable): string =>
  [
    GENERATED_BEGIN,
    '',
    '```mermaid',
    renderMermaid(table),
    '```',
    '',
    renderMatrix(table),
    '',
    GENERATED_END,
  ].join('\n');
