// The key footer for the context the keys are in: as many of its keys as the width allows, most
// wanted first, and the pinned ones (help, quit) always, at the right. Pure.

import { bindingFor, FOOTERS, type KeyContext } from './keymap.js';
import { fitLine, seg, type Line, type Segment } from './view-types.js';

const item = (context: KeyContext, intent: Parameters<typeof bindingFor>[0]): Segment[] => {
  const binding = bindingFor(intent, context);
  if (binding?.footer == null) {
    return [];
  }
  return [
    seg(` ${binding.footerLabel ?? binding.label} `, { inverse: true }),
    seg(` ${binding.footer} `),
  ];
};

const widthOf = (segments: readonly Segment[]): number =>
  segments.reduce((total, s) => total + Array.from(s.text).length, 0);

export const footerLine = (context: KeyContext, cols: number): Line => {
  const { first, pinned } = FOOTERS[context];
  const right = pinned.flatMap((intent) => item(context, intent));
  const room = cols - widthOf(right);
  const left: Segment[] = [];
  for (const intent of first) {
    const next = item(context, intent);
    if (widthOf(left) + widthOf(next) > room) {
      break;
    }
    left.push(...next);
  }
  const gap = Math.max(0, room - widthOf(left));
  return fitLine([...left, seg(' '.repeat(gap)), ...right], cols);
};
