// The boxes that open over the dashboard: the key reference (`?`), a confirmation for actions
// on all processes, and the signal picker. Pure.

import { describeTarget, SIGNALS } from './commands.js';
import { BINDINGS, MODE_KEYS } from './keymap.js';
import type { Size } from './layout.js';
import type { Overlay } from './state.js';
import { fitLine, seg, type Line, type OverlayView } from './view-types.js';

const KEY_WIDTH = 8;

/** The key reference, as the help overlay and docs/dashboard.md show it. */
export const keyReference = (): readonly Line[] => [
  ...BINDINGS.map((b) => [seg(` ${b.label.padEnd(KEY_WIDTH)}`, { bold: true }), seg(b.help)]),
  ...MODE_KEYS.flatMap(({ mode, keys }) => [
    [seg('')],
    [seg(` ${mode}`, { underline: true })],
    ...keys.map(([key, what]) => [
      seg(` ${key.padEnd(KEY_WIDTH)}`, { bold: true }),
      seg(key.length < KEY_WIDTH ? what : ` ${what}`),
    ]),
  ]),
];

const box = (title: string, lines: readonly Line[], size: Size, width: number): OverlayView => {
  // The border takes two columns and two rows.
  const inner = Math.max(10, Math.min(width, size.cols - 4));
  const height = Math.max(1, Math.min(lines.length, size.rows - 4));
  return {
    title,
    width: inner,
    height,
    lines: lines.slice(0, height).map((l) => fitLine(l, inner)),
  };
};

export const overlayView = (overlay: Overlay, size: Size): OverlayView => {
  switch (overlay.kind) {
    case 'help':
      return box(' Keys (any key closes) ', keyReference(), size, 72);
    case 'confirm':
      return box(
        ' Confirm ',
        [
          [seg(` ${overlay.question}`, { bold: true })],
          [seg('')],
          [seg(' y: yes    any other key: no')],
        ],
        size,
        Math.max(40, overlay.question.length + 4),
      );
    case 'signal':
      return box(
        ` Signal ${describeTarget(overlay.target)} `,
        [
          ...SIGNALS.map((name, i) =>
            i === overlay.index
              ? [seg(` ▶ SIG${name}`, { inverse: true })]
              : [seg(`   SIG${name}`)],
          ),
          [seg('')],
          [seg(' Enter: send   Esc: cancel', { fg: 'grey' })],
        ],
        size,
        32,
      );
  }
};
