// Markdown → roff (the man(7) macros), for the man pages generated from docs/man/*.md. A small
// subset, the one those pages use: a `# name(section) -- summary` title, `##`/`###` headings,
// paragraphs, fenced code, `-` lists, tables (each row a .TP entry: the first cell its tag),
// `code`, **bold**, *italic*, [links](…) and HTML comments (dropped). Anything else is text.

/**
 * Characters roff would read as escapes made literal, and anything outside ASCII written as a
 * \[uXXXX] escape (groff and mandoc know them; raw UTF-8 is an invalid input character to troff).
 */
const escapeText = (text) =>
  text
    .replaceAll('\\', '\\e')
    .replaceAll('-', '\\-')
    .replace(/[^\p{ASCII}]/gu, (char) => {
      const code = char.codePointAt(0) ?? 0;
      return `\\[u${code.toString(16).toUpperCase().padStart(4, '0')}]`;
    });

/** A line that would start with a control character gets a zero-width guard. */
const guardLine = (line) => (/^[.']/.test(line) ? `\\&${line}` : line);

/** Inline markup: `code` in bold, **bold**, *italic*, [text](url) as its text. */
export const inlineRoff = (text) =>
  text
    .split(/(`[^`]*`)/)
    .map((part) => {
      if (part.startsWith('`') && part.endsWith('`') && part.length >= 2) {
        return `\\fB${escapeText(part.slice(1, -1))}\\fR`;
      }
      return escapeText(part)
        .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
        .replace(/\*\*([^*]+)\*\*/g, '\\fB$1\\fR')
        .replace(/\*([^*\s][^*]*)\*/g, '\\fI$1\\fR');
    })
    .join('');

/** The cells of a table row, `\|` being a literal bar. */
const cellsOf = (row) =>
  row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replaceAll('\\|', '|'));

const isTableRow = (line) => line.trimStart().startsWith('|');
const isTableRule = (line) => /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(line);

/**
 * The man page for one markdown page. `source` is the page's footer text (the package and its
 * version); there is no date, so a build is reproducible.
 */
export const markdownToRoff = (markdown, { source = '', manual = 'User Commands' } = {}) => {
  const lines = markdown.replace(/<!--[\s\S]*?-->\n?/g, '').split('\n');
  const title = /^# (\S+)\((\d)\) -- (.+)$/.exec(lines[0] ?? '');
  if (title === null) {
    throw new Error(`the first line must be "# name(section) -- summary", not: ${lines[0]}`);
  }
  const [, name, section, summary] = title;
  const out = [
    `.TH "${name.toUpperCase()}" "${section}" "" "${source}" "${manual}"`,
    '.SH NAME',
    `${escapeText(name)} \\- ${inlineRoff(summary)}`,
  ];
  let index = 1;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    if (line.trim() === '') {
      index += 1;
    } else if (line.startsWith('## ')) {
      out.push(`.SH ${inlineRoff(line.slice(3).trim())}`);
      index += 1;
    } else if (line.startsWith('### ')) {
      out.push(`.SS ${inlineRoff(line.slice(4).trim())}`);
      index += 1;
    } else if (line.startsWith('```')) {
      const end = lines.findIndex((l, i) => i > index && l.startsWith('```'));
      if (end === -1) {
        throw new Error(`line ${index + 1}: a code block that is never closed`);
      }
      out.push('.PP', '.RS 4', '.nf');
      out.push(...lines.slice(index + 1, end).map((l) => guardLine(escapeText(l))));
      out.push('.fi', '.RE');
      index = end + 1;
    } else if (isTableRow(line)) {
      const rows = [];
      while (index < lines.length && isTableRow(lines[index] ?? '')) {
        rows.push(lines[index] ?? '');
        index += 1;
      }
      if (rows.length < 2 || !isTableRule(rows[1] ?? '')) {
        throw new Error(`line ${index + 1 - rows.length}: a table needs a header and a rule`);
      }
      for (const row of rows.slice(2)) {
        const [tag = '', ...rest] = cellsOf(row);
        out.push('.TP', guardLine(inlineRoff(tag)), guardLine(inlineRoff(rest.join('; '))));
      }
    } else if (/^\s*- /.test(line)) {
      while (index < lines.length && /^\s*- /.test(lines[index] ?? '')) {
        const item = [(lines[index] ?? '').replace(/^\s*- /, '')];
        index += 1;
        while (index < lines.length && /^\s{2,}\S/.test(lines[index] ?? '')) {
          item.push((lines[index] ?? '').trim());
          index += 1;
        }
        out.push('.IP \\(bu 2', ...item.map((l) => guardLine(inlineRoff(l))));
      }
    } else {
      out.push('.PP');
      while (index < lines.length) {
        const next = lines[index] ?? '';
        if (next.trim() === '' || /^(#{2,3} |```|\s*- |\s*\|)/.test(next)) {
          break;
        }
        out.push(guardLine(inlineRoff(next.trim())));
        index += 1;
      }
    }
  }
  return `${out.join('\n')}\n`;
};
