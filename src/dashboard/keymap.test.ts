import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { BINDINGS, intentOf } from './keymap.js';
import { sampleState } from './testing/sample-state.js';
import { viewModel } from './view-model.js';
import { textOf } from './view-types.js';

const DOC = readFileSync(new URL('../../docs/dashboard.md', import.meta.url), 'utf8');

describe('the keymap', () => {
  it('gives every key one meaning', () => {
    const keys = BINDINGS.flatMap((b) => b.keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const binding of BINDINGS) {
      for (const key of binding.keys) {
        expect(intentOf(key)).toBe(binding.intent);
      }
    }
  });

  it('is what docs/dashboard.md lists, key for key', () => {
    for (const binding of BINDINGS) {
      expect(DOC).toContain(`| \`${binding.label}\` | ${binding.help} |`);
    }
  });

  it("is what the doc's capture shows in the footer", () => {
    const footer = textOf(viewModel(sampleState(undefined, { cols: 120, rows: 32 })).lines.at(-1)!);
    expect(DOC).toContain(`\n${footer.trimEnd()}\n\`\`\``);
  });
});
