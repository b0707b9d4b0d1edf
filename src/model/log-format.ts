// How a child's output is written to its log files (and forwarded): `log_format=`. Ours;
// supervisord only knows `raw`, which stays the default and keeps the bytes exactly.

export const LOG_FORMATS = ['raw', 'timestamped', 'json'] as const;

/** raw: the bytes as written; timestamped: a local ISO-8601 time before each line; json: one object per line. */
export type LogFormat = (typeof LOG_FORMATS)[number];

export const isLogFormat = (text: string): text is LogFormat =>
  (LOG_FORMATS as readonly string[]).includes(text);
