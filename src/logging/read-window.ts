// Which bytes of a log the RPC read/tail methods return, as pure arithmetic over the file size:
// supervisord's readFile rules and 4.2.5's actual tailFile computation (spec §5.5).

export interface ReadWindow {
  readonly position: number;
  readonly length: number;
}

export interface TailWindow extends ReadWindow {
  readonly overflow: boolean;
}

/**
 * readFile: a negative offset with length 0 means the last |offset| bytes; otherwise `length`
 * bytes from offset, 0 meaning to the end. Any other negative value is BAD_ARGUMENTS.
 */
export const readWindow = (
  size: number,
  offset: number,
  length: number,
): ReadWindow | 'BAD_ARGUMENTS' => {
  if (offset < 0) {
    if (length !== 0) {
      return 'BAD_ARGUMENTS';
    }
    const position = Math.max(0, size + offset);
    return { position, length: Math.min(-offset, size - position) };
  }
  if (length < 0) {
    return 'BAD_ARGUMENTS';
  }
  const available = Math.max(0, size - offset);
  return { position: offset, length: length === 0 ? available : Math.min(length, available) };
};

/**
 * tailFile as 4.2.5 computes it (not as its docstring says): the data is the last
 * min(length, size) bytes whatever the offset, empty when offset >= size or length <= 0, and
 * `overflow` is size > offset + length. The caller returns `size` as the new offset.
 */
export const tailWindow = (size: number, offset: number, length: number): TailWindow => {
  let position = offset;
  let count = length;
  let overflow = false;
  if (size > position + count) {
    overflow = true;
    position = size - 1;
  }
  if (position + count > size) {
    if (position > size - 1) {
      count = 0;
    }
    position = size - count;
  }
  position = Math.max(0, position);
  count = Math.max(0, count);
  return { position, length: Math.min(count, Math.max(0, size - position)), overflow };
};
