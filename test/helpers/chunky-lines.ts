// The chunky-lines fixture (lines written in odd-sized pieces, one line whose end comes 400 ms
// late, a last line without a newline) for the tests of line framing: its command, the lines it
// writes, and those lines as a line-framed copy shows them.

import { spawnSync } from 'node:child_process';

import { PROGRAMS } from './daemon-harness.js';

/** The command line of the fixture with `args` (`--lines N --seed N --fd 1|2 --name TEXT`). */
export const chunkyCommand = (args: string): string =>
  `${process.execPath} ${PROGRAMS}/chunky-lines.mjs ${args}`;

/** What the fixture writes, run directly: its lines (the last one has no newline). */
export const chunkyLines = (args: string): string[] =>
  spawnSync(process.execPath, [`${PROGRAMS}/chunky-lines.mjs`, ...args.split(' ')])
    .stdout.toString('utf8')
    .split('\n');

/**
 * The lines as a copy that ends unfinished lines shows them (forwarding, syslog): the slow
 * line's start comes after 200 ms as a line of its own, and its end as the next line.
 */
export const framedChunkyLines = (args: string): string[] =>
  chunkyLines(args).flatMap((l) =>
    l.endsWith('slow line start and its end')
      ? [l.slice(0, -' and its end'.length), ' and its end']
      : [l],
  );
