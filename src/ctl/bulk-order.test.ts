import { expect, it } from 'vitest';

import { overlaps, scheduleBulk, type BulkTask } from './bulk-order.js';
import { parseNamespec } from '../model/namespec.js';

/** Tasks that record when they start and finish only when released. */
const gatedTasks = (names: readonly string[]) => {
  const started: string[] = [];
  const releases = new Map<string, () => void>();
  const tasks: BulkTask<string>[] = names.map((name) => ({
    scope: parseNamespec(name),
    run: () => {
      started.push(name);
      return new Promise<string>((resolve) => releases.set(name, () => resolve(name)));
    },
  }));
  return { tasks, started, release: (name: string) => releases.get(name)?.() };
};

const settle = () => new Promise((resolve) => setImmediate(resolve));

it('starts calls for different processes at once', async () => {
  const { tasks, started, release } = gatedTasks(['a', 'b', 'g:x', 'g:y']);
  const results = scheduleBulk(tasks, true);
  await settle();
  expect(started).toEqual(['a', 'b', 'g:x', 'g:y']);
  ['a', 'b', 'g:x', 'g:y'].forEach(release);
  expect(await Promise.all(results)).toEqual(['a', 'b', 'g:x', 'g:y']);
});

it('keeps calls that touch the same process in order', async () => {
  const { tasks, started, release } = gatedTasks(['g:x', 'g:*', 'g:y', 'a', 'a']);
  const results = scheduleBulk(tasks, true);
  await settle();
  expect(started).toEqual(['g:x', 'a']);
  release('g:x');
  await settle();
  expect(started).toEqual(['g:x', 'a', 'g:*']);
  release('g:*');
  release('a');
  await settle();
  expect(started).toEqual(['g:x', 'a', 'g:*', 'g:y', 'a']);
  ['g:y', 'a'].forEach(release);
  expect(await Promise.all(results)).toHaveLength(5);
});

it('runs one call at a time when not parallel', async () => {
  const { tasks, started, release } = gatedTasks(['a', 'b']);
  const results = scheduleBulk(tasks, false);
  await settle();
  expect(started).toEqual(['a']);
  release('a');
  await settle();
  expect(started).toEqual(['a', 'b']);
  release('b');
  await Promise.all(results);
});

it('does not run a call whose predecessor failed, and reports nothing unhandled', async () => {
  let ran = false;
  const results = scheduleBulk(
    [
      { scope: parseNamespec('a'), run: () => Promise.reject(new Error('down')) },
      {
        scope: parseNamespec('a'),
        run: () => {
          ran = true;
          return Promise.resolve('a');
        },
      },
    ],
    true,
  );
  await expect(results[0]).rejects.toThrow('down');
  await expect(results[1]).rejects.toThrow('down');
  expect(ran).toBe(false);
});

it.each([
  ['a', 'a', true],
  ['a', 'b', false],
  ['g:x', 'g:*', true],
  ['g:x', 'g:y', false],
  ['g:*', 'h:*', false],
])('%s and %s overlap: %s', (a, b, expected) => {
  expect(overlaps(parseNamespec(a), parseNamespec(b))).toBe(expected);
});
