// What the view-model produces: lines of styled text segments, sized to the terminal, and an
// optional overlay box. The screen turns them into terminal output; nothing here knows blessed.

export type Colour =
  'black' | 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan' | 'white' | 'grey';

export interface Style {
  readonly fg?: Colour;
  readonly bg?: Colour;
  readonly bold?: boolean;
  readonly underline?: boolean;
  readonly inverse?: boolean;
}

export interface Segment {
  readonly text: string;
  readonly style: Style;
}

export type Line = readonly Segment[];

export interface OverlayView {
  readonly title: string;
  /** Inner size (without the border). */
  readonly width: number;
  readonly height: number;
  readonly lines: readonly Line[];
}

export interface ViewModel {
  /** Exactly one line per terminal row, each exactly as wide as the terminal. */
  readonly lines: readonly Line[];
  readonly overlay: OverlayView | null;
}

export const PLAIN: Style = {};

export const seg = (text: string, style: Style = PLAIN): Segment => ({ text, style });

/** `text` cut to `width` (with `…` when cut) or padded, on the left or the right. */
export const fitText = (text: string, width: number, align: 'left' | 'right' = 'left'): string => {
  if (width <= 0) {
    return '';
  }
  const chars = Array.from(text);
  if (chars.length > width) {
    return `${chars.slice(0, width - 1).join('')}…`;
  }
  return align === 'left' ? text.padEnd(width) : text.padStart(width);
};

/** The line cut or padded to exactly `width` characters; padding takes `fill`'s style. */
export const fitLine = (line: Line, width: number, fill: Style = PLAIN): Line => {
  const out: Segment[] = [];
  let used = 0;
  for (const segment of line) {
    if (used >= width) {
      break;
    }
    const chars = Array.from(segment.text);
    const room = width - used;
    const text = chars.length <= room ? segment.text : chars.slice(0, room).join('');
    out.push({ text, style: segment.style });
    used += Math.min(chars.length, room);
  }
  if (used < width) {
    out.push({ text: ' '.repeat(width - used), style: fill });
  }
  return out;
};

/** With `extra` laid over every segment's own style (e.g. the selected row's inverse). */
export const restyle = (line: Line, extra: Style): Line =>
  line.map((s) => ({ text: s.text, style: { ...s.style, ...extra } }));

export const textOf = (line: Line): string => line.map((s) => s.text).join('');
