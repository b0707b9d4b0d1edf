import { describe, expect, it } from 'vitest';

import { parseEnvFile } from './env-file-format.js';

const vars = (text: string): Readonly<Record<string, string>> => {
  const parsed = parseEnvFile(text);
  if (!parsed.ok) {
    throw new Error(`line ${parsed.line}: ${parsed.message}`);
  }
  return parsed.vars;
};

const problem = (text: string): string => {
  const parsed = parseEnvFile(text);
  return parsed.ok ? 'ok' : `${parsed.line}: ${parsed.message}`;
};

describe('environment files', () => {
  it('reads KEY=VALUE lines, skipping comments and blank lines', () => {
    expect(vars('# settings\n\nA=1\n  B = two words  \n\t# indented comment\nC=\n')).toEqual({
      A: '1',
      B: 'two words',
      C: '',
    });
  });

  it('takes values in quotes literally, the quotes removed', () => {
    expect(
      vars(`A="x # not a comment"\nB='$HOME and \\n stay'\nC="it's"\nD='say "hi"'\nE="" # empty\n`),
    ).toEqual({ A: 'x # not a comment', B: '$HOME and \\n stay', C: "it's", D: 'say "hi"', E: '' });
  });

  it('ends a bare value at a comment after whitespace, not at a # inside it', () => {
    expect(vars('URL=http://h/#frag\nA=1 # the answer\nB=x\t#tab\n')).toEqual({
      URL: 'http://h/#frag',
      A: '1',
      B: 'x',
    });
  });

  it('tolerates export, CRLF line ends, a byte-order mark; the last assignment wins', () => {
    expect(vars('\uFEFFexport A=1\r\nexport\tB="2"\r\nA=3\r\n')).toEqual({ A: '3', B: '2' });
    // a variable that is called export
    expect(vars('export=1\n')).toEqual({ export: '1' });
  });

  it('keeps everything after the first =', () => {
    expect(vars('DSN=postgres://u:p@h/db?sslmode=require\n')).toEqual({
      DSN: 'postgres://u:p@h/db?sslmode=require',
    });
  });

  it('names the line of a bad one and what is wrong with it', () => {
    expect(problem('A=1\n\njust words\n')).toBe('3: expected KEY=VALUE, got "just words"');
    expect(problem('MY VAR=1\n')).toBe(
      '1: "MY VAR" is not a variable name (letters, digits and _, not first a digit)',
    );
    expect(problem('1A=1\n')).toMatch(/^1: "1A" is not a variable name/);
    expect(problem('=1\n')).toMatch(/^1: "" is not a variable name/);
    expect(problem('A=1\nB="open\nC=2"\n')).toBe('2: no closing " in "\\"open"');
    expect(problem("A='x' y\n")).toBe(`1: unexpected text after the closing ': "y"`);
  });
});
