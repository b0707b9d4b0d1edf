// `logs [-f] [-n N] [--since WHEN] [NAME…]` (ours): the last lines of several processes' stdout
// and stderr, each line prefixed with its process (`web | …`, coloured on a terminal), then with
// -f their new lines as they come, merged, until Ctrl-C. --since keeps the lines of timestamped
// and json logs from that time on. Only the tail and read RPC methods, so it works against
// supervisord too.

import { FAULT_CODES } from '../../model/faults.js';
import { catchFault } from '../../protocol/faults.js';
import { EXIT } from '../exit-codes.js';
import { splitWords } from '../line-parse.js';
import { linesSince, parseSince } from '../log-since.js';
import {
  labelWidth,
  lastLines,
  LineSplitter,
  linePrefix,
  selectSources,
  type LogSource,
} from '../log-sources.js';
import { usageError, type CommandContext, type CtlCommand } from './command.js';
import { PRESS_CTRL_C } from './follow.js';

/** Lines per log shown at first, unless -n says. */
export const DEFAULT_LOG_LINES = 10;
/** How much of each log is read back for those lines. */
export const HISTORY_BYTES = 64 * 1024;
/** How much of each log --since reads back (lines older than that are not shown). */
export const SINCE_HISTORY_BYTES = 1024 * 1024;
/** How often -f asks for new output. */
export const POLL_MS = 250;
/** The most read from one log per poll (what is beyond waits for the next poll). */
const MAX_READ_BYTES = 1024 * 1024;

interface Options {
  readonly follow: boolean;
  /** -n; null when not given */
  readonly lines: number | null;
  /** --since as given; null when not given */
  readonly since: string | null;
  readonly names: readonly string[];
}

const parse = (words: readonly string[]): Options | { readonly bad: string } => {
  let follow = false;
  let lines: number | null = null;
  let since: string | null = null;
  const names: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (word === '-f' || word === '--follow') {
      follow = true;
    } else if (word === '--since' || word.startsWith('--since=')) {
      const value = word === '--since' ? words[++i] : word.slice('--since='.length);
      if (value === undefined || value === '') {
        return { bad: 'Error: --since needs a duration or a time' };
      }
      since = value;
    } else if (word === '-n' || word === '--lines' || /^-n\d+$/.test(word)) {
      const value = word.length > 2 && !word.startsWith('--') ? word.slice(2) : words[++i];
      if (value === undefined || !/^\d+$/.test(value)) {
        return { bad: `Error: ${word} needs a number of lines` };
      }
      lines = Number(value);
    } else if (word.startsWith('-')) {
      return { bad: `Error: bad argument ${word}` };
    } else {
      names.push(word);
    }
  }
  return { follow, lines, since, names };
};

interface Followed {
  readonly source: LogSource;
  /** the log's size when last read: new output starts there */
  offset: number;
  readonly splitter: LineSplitter;
  /** the process is gone (removed by update): not asked again */
  gone: boolean;
}

/** The size of a log (tail with length 0); 0 without a file, null when the process is gone. */
const logSize = async (ctx: CommandContext, source: LogSource): Promise<number | null> => {
  const tail = await catchFault(() =>
    ctx.api.tailProcessLog(source.namespec, source.channel, 0, 0),
  );
  if (tail.ok) {
    return tail.value.offset;
  }
  if (tail.fault.faultCode === FAULT_CODES.BAD_NAME) {
    return null;
  }
  if (tail.fault.faultCode === FAULT_CODES.NO_FILE) {
    return 0;
  }
  throw tail.error;
};

/** Bytes [from, to) of a log as text ('' when it cannot be read: the next poll tries again). */
const readRange = async (
  ctx: CommandContext,
  source: LogSource,
  from: number,
  to: number,
): Promise<string | null> => {
  if (to <= from) {
    return '';
  }
  const read = await catchFault(() =>
    ctx.api.readProcessLog(source.namespec, source.channel, from, to - from),
  );
  return read.ok ? read.value : null;
};

/**
 * Which lines of a log's tail are shown first: the last `count`, or with `sinceMs` those at or
 * after it (then the last `count` of them, if -n was given). A raw log's lines carry no time:
 * with --since none of its history is shown, and stderr says so.
 */
interface HistoryChoice {
  readonly count: number | null;
  readonly sinceMs: number | null;
}

/** `lines`: the whole lines of a log's tail, oldest first. */
const chooseLines = (
  ctx: CommandContext,
  source: LogSource,
  lines: readonly string[],
  choice: HistoryChoice,
): string[] => {
  if (choice.sinceMs === null) {
    return lines.slice(-(choice.count ?? DEFAULT_LOG_LINES));
  }
  const since = linesSince(lines, choice.sinceMs);
  if (since.kind === 'raw') {
    ctx.warn(`${source.label}: a raw log, its lines carry no time: --since shows none of it`);
    return [];
  }
  return choice.count === null ? [...since.lines] : since.lines.slice(-choice.count);
};

/** The first lines of each log, in the daemon's order. */
const showHistory = async (
  ctx: CommandContext,
  followed: readonly Followed[],
  choice: HistoryChoice,
  prefix: (source: LogSource) => string,
): Promise<void> => {
  const parts = await Promise.all(
    followed.map(async (f) => {
      const size = await logSize(ctx, f.source);
      if (size === null) {
        f.gone = true;
        return '';
      }
      f.offset = size;
      if (choice.count === 0) {
        return '';
      }
      const back = choice.sinceMs === null ? HISTORY_BYTES : SINCE_HISTORY_BYTES;
      const from = Math.max(0, size - back);
      const text = (await readRange(ctx, f.source, from, size)) ?? '';
      const head = prefix(f.source);
      const lines = lastLines(text, Number.MAX_SAFE_INTEGER, from > 0);
      return chooseLines(ctx, f.source, lines, choice)
        .map((line) => `${head}${line}\n`)
        .join('');
    }),
  );
  ctx.write(parts.join(''));
};

/** One poll of every log: their new whole lines, each log's together, in the daemon's order. */
const poll = async (
  ctx: CommandContext,
  followed: readonly Followed[],
  prefix: (source: LogSource) => string,
): Promise<void> => {
  const parts = await Promise.all(
    followed
      .filter((f) => !f.gone)
      .map(async (f) => {
        const size = await logSize(ctx, f.source);
        if (size === null) {
          f.gone = true;
          return '';
        }
        if (size < f.offset) {
          // Rotated or cleared: the new file is read from its start.
          f.offset = 0;
        }
        const to = Math.min(size, f.offset + MAX_READ_BYTES);
        const text = await readRange(ctx, f.source, f.offset, to);
        if (text === null) {
          return '';
        }
        f.offset = to;
        const lines = f.splitter.push(text);
        if (text === '' && f.splitter.holding) {
          // An unfinished line that waited a whole poll is shown as it is.
          lines.push(f.splitter.flush() ?? '');
        }
        const head = prefix(f.source);
        return lines.map((line) => `${head}${line}\n`).join('');
      }),
  );
  const text = parts.join('');
  if (text !== '') {
    ctx.write(text);
  }
};

export const logsCommand: CtlCommand = {
  name: 'logs',
  // Ours: `help` lists supervisorctl's topics as it does; `help logs` still answers.
  listed: false,
  completes: 'processes',
  help: [
    'logs [-n <n>] [<name>...]\tThe last <n> lines (10) of the stdout and stderr logs of the named',
    '\t\t\tprocesses or groups (all by default), each line prefixed with its process.',
    'logs -f [-n <n>] [<name>...]\tThen follow them, merged, as they grow; Ctrl-C to stop.',
    'logs --since <when> ...\tOnly lines from <when> on (10m, 2h, 1d, 2026-12-05T10:00), for',
    '\t\t\tlog_format=timestamped or json logs; a raw log shows none.',
  ],
  run: async (ctx, arg) => {
    if (!(await ctx.upcheck())) {
      return undefined;
    }
    const options = parse(splitWords(arg));
    if ('bad' in options) {
      return usageError(ctx, logsCommand, options.bad, EXIT.GENERIC);
    }
    const since = options.since === null ? null : parseSince(options.since, ctx.wallMs());
    if (since !== null && !since.ok) {
      return usageError(ctx, logsCommand, since.message, EXIT.INVALID_ARGS);
    }
    const selection = selectSources(await ctx.api.getAllProcessInfo(), options.names);
    for (const name of selection.unknown) {
      ctx.out(`${name}: ERROR (no such process)`);
      ctx.setExitStatus(EXIT.GENERIC);
    }
    if (selection.sources.length === 0) {
      if (selection.unknown.length === 0) {
        ctx.out('No process logs to show');
      }
      return undefined;
    }
    const width = labelWidth(selection.sources);
    const prefix = (source: LogSource): string => linePrefix(source, width, ctx.colour);
    const followed: Followed[] = selection.sources.map((source) => ({
      source,
      offset: 0,
      splitter: new LineSplitter(),
      gone: false,
    }));
    await showHistory(
      ctx,
      followed,
      { count: options.lines, sinceMs: since?.fromMs ?? null },
      prefix,
    );
    if (!options.follow) {
      return undefined;
    }
    ctx.note(PRESS_CTRL_C);
    const watch = ctx.watchInterrupt();
    const stopped = (): boolean => watch.signal.aborted;
    try {
      while (!stopped() && followed.some((f) => !f.gone)) {
        await ctx.pause(POLL_MS, watch.signal);
        if (!stopped()) {
          await poll(ctx, followed, prefix);
        }
      }
      if (stopped()) {
        // Ends the line the ^C was echoed on.
        ctx.out('');
      }
    } finally {
      watch.release();
    }
    return undefined;
  },
};
