import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { BINDINGS, bindingFor, FOOTERS, intentOf, type KeyContext } from './keymap.js';
import { feed, key, sampleState } from './testing/sample-state.js';
import { viewModel } from './view-model.js';
import { textOf } from './view-types.js';

const DOC = readFileSync(new URL('../../docs/dashboard.md', import.meta.url), 'utf8');
const CONTEXTS: readonly KeyContext[] = ['table', 'detail', 'log'];

describe('the keymap', () => {
  it('gives every key one meaning in each section', () => {
    for (const section of ['everywhere', ...CONTEXTS]) {
      const keys = BINDINGS.filter((b) => b.section === section).flatMap((b) => b.keys);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it("reads a key in a context as the context's own binding, else the one everywhere", () => {
    for (const context of CONTEXTS) {
      const own = BINDINGS.filter((b) => b.section === context);
      for (const binding of own) {
        for (const key of binding.keys) {
          expect(intentOf(key, context)).toBe(binding.intent);
        }
      }
      const taken = new Set(own.flatMap((b) => b.keys));
      for (const binding of BINDINGS.filter((b) => b.section === 'everywhere')) {
        for (const key of binding.keys.filter((k) => !taken.has(k))) {
          expect(intentOf(key, context)).toBe(binding.intent);
        }
      }
    }
  });

  it('offers in each footer only keys of that context that have a footer word', () => {
    for (const context of CONTEXTS) {
      const { first, pinned } = FOOTERS[context];
      for (const intent of [...first, ...pinned]) {
        expect(bindingFor(intent, context)?.footer, `${context} ${intent}`).toBeTruthy();
      }
    }
  });

  it('is what docs/dashboard.md lists, key for key', () => {
    for (const binding of BINDINGS) {
      expect(DOC).toContain(`| \`${binding.label}\` | ${binding.help} |`);
    }
  });

  it("is what the doc's captures show in the footer: the table at 120 and 80, a detail page", () => {
    const footerAt = (cols: number, ...keys: string[]) =>
      textOf(
        viewModel(
          feed(sampleState(undefined, { cols, rows: 32 }), ...keys.map((k) => key(k))),
        ).lines.at(-1)!,
      ).trimEnd();
    expect(DOC).toContain(`\n${footerAt(120)}\n\`\`\``);
    // The captures indented under a list item.
    expect(DOC).toContain(`\n  ${footerAt(80)}\n  \`\`\``);
    expect(DOC).toContain(`\n  ${footerAt(100, 'end', 'enter')}\n  \`\`\``);
  });
});
