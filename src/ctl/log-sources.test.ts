import { describe, expect, it } from 'vitest';

import { processInfo } from '../../test/fakes/supervisor-answers.js';
import { readProcessInfo } from '../protocol/process-info.js';
import { labelWidth, lastLines, LineSplitter, linePrefix, selectSources } from './log-sources.js';

const infos = [
  processInfo('cron', 'EXITED'),
  { ...processInfo('web_0', 'RUNNING', { group: 'web' }), stderr_logfile: '/var/log/w0.err' },
  processInfo('web_1', 'RUNNING', { group: 'web' }),
  { ...processInfo('quiet', 'RUNNING'), stdout_logfile: '' },
].map((v) => readProcessInfo('test', v));

describe('selectSources', () => {
  it('takes every log of every process by default, stdout then stderr, one colour each', () => {
    const { sources, unknown } = selectSources(infos, []);
    expect(unknown).toEqual([]);
    expect(sources.map((s) => [s.namespec, s.channel, s.label, s.colour])).toEqual([
      ['cron:cron', 'stdout', 'cron', 36],
      ['web:web_0', 'stdout', 'web:web_0', 33],
      ['web:web_0', 'stderr', 'web:web_0 (stderr)', 33],
      ['web:web_1', 'stdout', 'web:web_1', 32],
    ]);
  });

  it('takes processes and groups by name, and names what matches nothing', () => {
    const pick = (names: string[]) => {
      const { sources, unknown } = selectSources(infos, names);
      return { labels: sources.map((s) => s.label), unknown };
    };
    expect(pick(['web:*'])).toEqual({
      labels: ['web:web_0', 'web:web_0 (stderr)', 'web:web_1'],
      unknown: [],
    });
    expect(pick(['web_1', 'web:web_1', 'cron', 'nope'])).toEqual({
      labels: ['cron', 'web:web_1'],
      unknown: ['web_1', 'nope'],
    });
    expect(pick(['web'])).toEqual(pick(['web:*']));
  });
});

describe('linePrefix', () => {
  const [cron, , stderr] = selectSources(infos, []).sources;
  it('pads the label to the widest and colours it only on a terminal', () => {
    const width = labelWidth(selectSources(infos, []).sources);
    expect(width).toBe('web:web_0 (stderr)'.length);
    expect(linePrefix(cron!, 10, false)).toBe('cron       | ');
    expect(linePrefix(cron!, 4, true)).toBe('\x1b[36mcron\x1b[0m | ');
    expect(linePrefix(stderr!, 0, true)).toBe(
      '\x1b[33mweb:web_0 (stderr)\x1b[0m \x1b[31m|\x1b[0m ',
    );
  });
});

describe('lastLines', () => {
  it('keeps the last lines, without a cut first line or the empty end', () => {
    expect(lastLines('a\nb\nc\n', 2, false)).toEqual(['b', 'c']);
    expect(lastLines('t of a\nb\n', 10, true)).toEqual(['b']);
    expect(lastLines('a\nunfinished', 10, false)).toEqual(['a', 'unfinished']);
    expect(lastLines('a\n', 0, false)).toEqual([]);
    expect(lastLines('', 5, false)).toEqual([]);
  });
});

describe('LineSplitter', () => {
  it('gives whole lines and holds an unfinished one until its end or a flush', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('one\ntw')).toEqual(['one']);
    expect(splitter.holding).toBe(true);
    expect(splitter.push('o\n\nthr')).toEqual(['two', '']);
    expect(splitter.flush()).toBe('thr');
    expect(splitter.holding).toBe(false);
    expect(splitter.flush()).toBeNull();
  });
});
