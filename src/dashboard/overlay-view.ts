// The boxes that open over the dashboard: the key reference (`?`, scrolled when it does not
// fit), a confirmation for actions on all processes, and the signal picker. Pure.

import { describeTarget, SIGNALS } from './commands.js';
import { BINDINGS, MODE_KEYS, SECTION_TITLES, type KeyContext, type Section } from './keymap.js';
import type { Size } from './layout.js';
import type { Overlay } from './state.js';
import { fitLine, seg, type Line, type OverlayView } from './view-types.js';

const KEY_WIDTH = 8;

const keyLine = (key: string, what: string): Line => [
  seg(` ${key.padEnd(KEY_WIDTH)}`, { bold: true }),
  seg(key.length < KEY_WIDTH ? what : ` ${what}`),
];

const heading = (title: string): Line => [seg(` ${title}`, { underline: true })];

/** The sections in the order the reference lists them: where the keys are now first. */
const sectionOrder = (context: KeyContext): readonly Section[] => [
  context,
  'everywhere',
  ...(['table', 'detail', 'log'] as const).filter((s) => s !== context),
];

/** The key reference, as the help overlay shows it: every binding, then the modes' keys. */
export const keyReference = (context: KeyContext): readonly Line[] => [
  ...sectionOrder(context).flatMap((section, i) => [
    ...(i === 0 ? [] : [[seg('')]]),
    heading(SECTION_TITLES[section]),
    ...BINDINGS.filter((b) => b.section === section).map((b) => keyLine(b.label, b.help)),
  ]),
  ...MODE_KEYS.flatMap(({ mode, keys }) => [
    [seg('')],
    heading(mode),
    ...keys.map(([key, what]) => keyLine(key, what)),
  ]),
];

/** The box's inner height for `lines` on this terminal (the border takes two rows). */
export const overlayHeight = (lineCount: number, size: Size): number =>
  Math.max(1, Math.min(lineCount, size.rows - 4));

/** How far the key reference can scroll on this terminal (0: it fits). */
export const helpScrollLimit = (context: KeyContext, size: Size): number => {
  const count = keyReference(context).length;
  return Math.max(0, count - overlayHeight(count, size));
};

const box = (
  title: string,
  lines: readonly Line[],
  size: Size,
  place: { readonly width: number; readonly scrollTop?: number },
): OverlayView => {
  // The border takes two columns and two rows.
  const inner = Math.max(10, Math.min(place.width, size.cols - 4));
  const height = overlayHeight(lines.length, size);
  const top = Math.max(0, Math.min(place.scrollTop ?? 0, lines.length - height));
  return {
    title,
    width: inner,
    height,
    lines: lines.slice(top, top + height).map((l) => fitLine(l, inner)),
  };
};

export const overlayView = (overlay: Overlay, size: Size): OverlayView => {
  switch (overlay.kind) {
    case 'help': {
      const lines = keyReference(overlay.context);
      const scrolls = lines.length > overlayHeight(lines.length, size);
      const title = scrolls
        ? ' Keys (↑↓ scroll, any other key closes) '
        : ' Keys (any key closes) ';
      return box(title, lines, size, { width: 72, scrollTop: overlay.scrollTop });
    }
    case 'confirm':
      return box(
        ' Confirm ',
        [
          [seg(` ${overlay.question}`, { bold: true })],
          [seg('')],
          [seg(' y: yes    any other key: no')],
        ],
        size,
        { width: Math.max(40, overlay.question.length + 4) },
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
        { width: 32 },
      );
  }
};
