// Typing a line of text (the filter after `/`, the log search): which keys edit it and how.
// Pure.

/** The text after `key`, or null when the key does not edit text. */
export const editText = (text: string, key: string, ch: string | undefined): string | null => {
  switch (key) {
    case 'backspace':
      return Array.from(text).slice(0, -1).join('');
    case 'C-u':
      return '';
    default:
      // Printable characters only: a control key is no part of the text.
      return ch !== undefined && ch.length === 1 && ch >= ' ' && ch !== '\x7f' ? text + ch : null;
  }
};
