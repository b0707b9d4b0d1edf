// restart_on_memory's check (pure): is a process tree's resident memory over its limit, and the
// reason a restart gives (`memory 612 MB > 512 MB`).

const KB = 1024;
const MB = 1024 ** 2;
const GB = 1024 ** 3;

/** 512 MB, 1.5 GB, 900 KB: sizes as the reason texts write them (supervisord's units, 1024-based). */
export const sizeText = (bytes: number): string => {
  if (bytes >= GB) {
    return `${String(Math.round((bytes / GB) * 10) / 10)} GB`;
  }
  return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / KB)} KB`;
};

/** The restart reason when `rssBytes` is over `limitBytes` (0 is no limit), else null. */
export const memoryOverLimit = (limitBytes: number, rssBytes: number): string | null => {
  if (limitBytes <= 0 || rssBytes <= limitBytes) {
    return null;
  }
  const over = sizeText(rssBytes);
  const limit = sizeText(limitBytes);
  // 512.4 MB over 512 MB would read "512 MB > 512 MB": then say it in KB.
  return over === limit
    ? `memory ${Math.ceil(rssBytes / KB)} KB > ${Math.floor(limitBytes / KB)} KB`
    : `memory ${over} > ${limit}`;
};
