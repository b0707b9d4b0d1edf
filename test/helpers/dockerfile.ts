// A Dockerfile read into instructions, for tests of deploy/docker: continuation lines joined,
// comments dropped, exec-form (JSON) arguments parsed, COPY's flags, sources and destination.

export interface Instruction {
  readonly keyword: string;
  /** the text after the keyword, continuation lines joined */
  readonly rest: string;
  readonly line: number;
}

export const readDockerfile = (text: string): Instruction[] => {
  const instructions: Instruction[] = [];
  let pending: { text: string; line: number } | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (pending === undefined && (line === '' || line.startsWith('#'))) {
      return;
    }
    if (pending !== undefined && line.startsWith('#')) {
      return;
    }
    const continued = line.endsWith('\\');
    const part = continued ? line.slice(0, -1).trim() : line;
    pending =
      pending === undefined
        ? { text: part, line: index + 1 }
        : { text: `${pending.text} ${part}`, line: pending.line };
    if (!continued) {
      const [keyword = '', ...rest] = pending.text.split(/\s+/);
      instructions.push({
        keyword: keyword.toUpperCase(),
        rest: rest.join(' '),
        line: pending.line,
      });
      pending = undefined;
    }
  });
  return instructions;
};

/** The exec form `["a", "b"]` of an instruction's arguments; throws on the shell form. */
export const execForm = (rest: string): string[] => {
  const parsed: unknown = JSON.parse(rest);
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) {
    throw new Error(`not an exec form: ${rest}`);
  }
  return parsed;
};

export interface CopyInstruction {
  readonly flags: ReadonlyMap<string, string>;
  readonly sources: readonly string[];
  readonly destination: string;
}

export const copyOf = (rest: string): CopyInstruction => {
  const words = rest.split(/\s+/);
  const flags = new Map(
    words
      .filter((word) => word.startsWith('--'))
      .map((word) => {
        const [name = '', value = ''] = word.slice(2).split('=');
        return [name, value] as const;
      }),
  );
  const paths = words.filter((word) => !word.startsWith('--'));
  const destination = paths.pop();
  if (destination === undefined || paths.length === 0) {
    throw new Error(`COPY needs sources and a destination: ${rest}`);
  }
  return { flags, sources: paths, destination };
};
