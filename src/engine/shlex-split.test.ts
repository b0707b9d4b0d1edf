import { describe, expect, it } from 'vitest';

import { shlexSplit } from './shlex-split.js';

// Expected values produced by Python 3's shlex.split().
describe('shlexSplit', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['/bin/cat', ['/bin/cat']],
    ['  sleep   10  ', ['sleep', '10']],
    ["a ''", ['a', '']],
    ['a""b', ['ab']],
    ['"a\\\\b\\"c\\d"', ['a\\b"c\\d']],
    ["'a\\b'", ['a\\b']],
    ['x\\ y z', ['x y', 'z']],
    ['sh -c "echo $HOME; exit 3"', ['sh', '-c', 'echo $HOME; exit 3']],
    ['python -c \'print("hé")\'', ['python', '-c', 'print("hé")']],
    ['a\tb\nc', ['a', 'b', 'c']],
  ])('%j → %j', (line, words) => {
    expect(shlexSplit(line)).toEqual({ ok: true, words });
  });

  it.each([
    ['a "b', 'No closing quotation'],
    ["it's", 'No closing quotation'],
    ['a\\', 'No escaped character'],
    ['"abc\\', 'No escaped character'],
  ])('%j fails with %j', (line, message) => {
    expect(shlexSplit(line)).toEqual({ ok: false, message });
  });
});
