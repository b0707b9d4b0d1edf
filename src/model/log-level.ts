// The daemon log's levels: supervisord's names, numbers and four-letter tags.

export const LOG_LEVELS = {
  critical: { value: 50, tag: 'CRIT' },
  error: { value: 40, tag: 'ERRO' },
  warn: { value: 30, tag: 'WARN' },
  info: { value: 20, tag: 'INFO' },
  debug: { value: 10, tag: 'DEBG' },
  trace: { value: 5, tag: 'TRAC' },
  blather: { value: 3, tag: 'BLAT' },
} as const;

export type LogLevel = keyof typeof LOG_LEVELS;

export const isLogLevel = (s: string): s is LogLevel => Object.hasOwn(LOG_LEVELS, s);
