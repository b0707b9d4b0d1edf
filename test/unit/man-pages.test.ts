// The man pages: scripts/markdown-roff.mjs turns the subset of markdown docs/man/*.md use into
// man(7) roff (case by case); the real pages come out as roff groff reads without a warning and
// man renders with every section and no markdown left; and they name every option `-h` prints.

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { inlineRoff, markdownToRoff } from '../../scripts/markdown-roff.mjs';
import { usageText } from '../../src/ctl/usage.js';
import { daemonUsage } from '../../src/daemon/usage.js';

const MAN_DIR = new URL('../../docs/man/', import.meta.url);
const pages = readdirSync(MAN_DIR).filter((f) => f.endsWith('.md'));
const source = (page: string): string => readFileSync(new URL(page, MAN_DIR), 'utf8');

describe('inlineRoff', () => {
  it.each([
    ['`-c FILE`', '\\fB\\-c FILE\\fR'],
    ['a **bold** and an *italic* word', 'a \\fBbold\\fR and an \\fIitalic\\fR word'],
    ['see [daemon.md](daemon.md#signals)', 'see daemon.md'],
    ['a\\b', 'a\\eb'],
    ['`web:*` stays *web:*', '\\fBweb:*\\fR stays \\fIweb:\\fR'],
    ['Σ ≥ 5 — ok', '\\[u03A3] \\[u2265] 5 \\[u2014] ok'],
    ['`--json`', '\\fB\\-\\-json\\fR'],
  ])('%s', (markdown, roff) => {
    expect(inlineRoff(markdown)).toBe(roff);
  });
});

describe('markdownToRoff', () => {
  const page = (body: string): string =>
    markdownToRoff(`# demo(1) -- a demo page\n\n${body}`, { source: 'demo 1.0' });

  it('makes the title, the NAME section and headings', () => {
    expect(page('## SYNOPSIS\n\n### More\n')).toBe(
      [
        '.TH "DEMO" "1" "" "demo 1.0" "User Commands"',
        '.SH NAME',
        'demo \\- a demo page',
        '.SH SYNOPSIS',
        '.SS More',
        '',
      ].join('\n'),
    );
  });

  it('joins a paragraph, drops comments, keeps code blocks verbatim with a guard on dots', () => {
    const roff = page('<!-- not\nshown -->\none\ntwo\n\n```\n.hidden request\nx -y\n```\n');
    expect(roff).not.toContain('not');
    expect(roff).toContain(
      '.PP\none\ntwo\n.PP\n.RS 4\n.nf\n\\&.hidden request\nx \\-y\n.fi\n.RE\n',
    );
  });

  it('turns each table row into a .TP entry tagged by its first cell, with \\| a literal bar', () => {
    const roff = page(
      '| option | meaning |\n|---|---|\n| `-n` | foreground |\n| `a\\|b` | either |\n',
    );
    expect(roff).toContain('.TP\n\\fB\\-n\\fR\nforeground\n.TP\n\\fBa|b\\fR\neither\n');
    expect(roff).not.toContain('option');
  });

  it('turns list items, with their continuation lines, into bullets', () => {
    expect(page('- one\n  more\n- two\n')).toContain('.IP \\(bu 2\none\nmore\n.IP \\(bu 2\ntwo\n');
  });

  it.each([
    ['tssupervisord -- no section', /first line must be/],
    ['# demo(1) -- x\n\n```\nnever closed\n', /never closed/],
    ['# demo(1) -- x\n\n| a | b |\n| c | d |\n', /header and a rule/],
  ])('refuses %j', (markdown, message) => {
    expect(() => markdownToRoff(markdown)).toThrow(message);
  });
});

describe.each(pages)('docs/man/%s', (page) => {
  const roff = markdownToRoff(source(page), { source: 'tssupervisor 0.0.0' });

  it('is roff that groff reads without a warning', () => {
    const checked = spawnSync('groff', ['-man', '-Tutf8', '-ww', '-z'], {
      input: roff,
      encoding: 'utf8',
    });
    expect(checked.error).toBeUndefined();
    expect(checked.stderr).toBe('');
    expect(checked.status).toBe(0);
  });

  it('renders with man: every section, no markdown left', () => {
    const shown = spawnSync('man', ['-l', '-'], {
      input: roff,
      encoding: 'utf8',
      env: { ...process.env, MANWIDTH: '100', MAN_KEEP_FORMATTING: '' },
    });
    expect(shown.stderr).toBe('');
    const headings = [...source(page).matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings.length).toBeGreaterThan(4);
    for (const heading of ['NAME', ...headings]) {
      expect(shown.stdout).toMatch(new RegExp(`^${heading}$`, 'm'));
    }
    expect(shown.stdout).not.toMatch(/`|\*\*|\|---|<!--/);
  });
});

describe('the man pages name every option -h prints', () => {
  const longOptions = (usage: string): string[] =>
    [...usage.matchAll(/^\s+(?:-\S, )*(--[a-z_-]+)/gm)].map((m) => m[1] ?? '');

  it.each([
    ['tssupervisord.md', daemonUsage('tssupervisord')],
    ['tssupervisorctl.md', usageText('tssupervisorctl')],
  ])('%s', (page, usage) => {
    const options = longOptions(usage);
    expect(options.length).toBeGreaterThan(8);
    for (const option of options) {
      expect(source(page), option).toContain(`\`${option}\``);
    }
  });
});
