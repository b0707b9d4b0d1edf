// Writes the man pages (run by `npm run build`): docs/man/<name>.md → dist/man/<name>.<section>,
// the files package.json's "man" lists, so `npm install -g` puts them where `man` finds them.

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

import { markdownToRoff } from './markdown-roff.mjs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

rmSync('dist/man', { recursive: true, force: true });
mkdirSync('dist/man', { recursive: true });
for (const file of readdirSync('docs/man').filter((f) => f.endsWith('.md'))) {
  const markdown = readFileSync(`docs/man/${file}`, 'utf8');
  const section = /^# \S+\((\d)\)/.exec(markdown)?.[1] ?? '1';
  const roff = markdownToRoff(markdown, { source: `tssupervisor ${version}` });
  writeFileSync(`dist/man/${file.replace(/\.md$/, `.${section}`)}`, roff);
}
