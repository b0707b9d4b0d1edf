// Joining a log's tail, read first, with the /logtail stream opened after it: the stream starts
// with the log's last KiB, most of which the tail already holds. Pure.

/** Below this, a match between the two is too likely to be chance. */
const MIN_OVERLAP = 32;

/**
 * The part of `chunk`, the first data of a new /logtail stream, that `history`, the log's tail
 * read just before, does not already end with. All of `chunk` when they do not overlap.
 */
export const unseenPart = (history: string, chunk: string): string => {
  // A log shorter than the stream's first KiB: the stream starts where the tail read did.
  if (chunk.startsWith(history)) {
    return chunk.slice(history.length);
  }
  // The stream may start in the middle of a character: it then begins with replacement chars.
  const head = chunk.replace(/^\uFFFD+/, '');
  for (let k = head.length; k > 0 && (k >= MIN_OVERLAP || k === head.length); k--) {
    if (history.endsWith(head.slice(0, k))) {
      return head.slice(k);
    }
  }
  return chunk;
};
