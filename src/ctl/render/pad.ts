// Python's `%-Ns` for display columns: pads by code points, never truncates.

/** Python counts code points, not UTF-16 units. */
export const codePointLength = (text: string): number => Array.from(text).length;

export const padRight = (text: string, width: number): string => {
  const length = codePointLength(text);
  return length >= width ? text : text + ' '.repeat(width - length);
};
