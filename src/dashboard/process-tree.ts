// A process tree as the detail page lists it: the root, then each child under its parent
// (depth first, by pid), each with how deep it is. Pure.

import type { ProcessTreeMember } from '../protocol/process-detail.js';

export interface TreeLine {
  readonly member: ProcessTreeMember;
  /** 0 for the root, 1 for its children, … */
  readonly depth: number;
}

export const treeLines = (members: readonly ProcessTreeMember[]): readonly TreeLine[] => {
  const [root] = members;
  if (root === undefined) {
    return [];
  }
  const children = new Map<number, ProcessTreeMember[]>();
  for (const member of members.slice(1)) {
    children.set(member.ppid, [...(children.get(member.ppid) ?? []), member]);
  }
  const lines: TreeLine[] = [];
  const seen = new Set<number>();
  const visit = (member: ProcessTreeMember, depth: number): void => {
    if (seen.has(member.pid)) {
      return;
    }
    seen.add(member.pid);
    lines.push({ member, depth });
    const below = [...(children.get(member.pid) ?? [])].sort((a, b) => a.pid - b.pid);
    below.forEach((child) => visit(child, depth + 1));
  };
  visit(root, 0);
  // A member whose parent is not in the list (it went meanwhile) still shows, under the root.
  members.filter((m) => !seen.has(m.pid)).forEach((m) => visit(m, 1));
  return lines;
};
