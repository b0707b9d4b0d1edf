// The accepted differences are documented: every name in allowed-differences.ts has its entry
// in docs/api.md, so a difference cannot be accepted quietly.

import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { REPO_ROOT } from '../helpers/daemon-harness.js';
import { ALLOWED_DIFFERENCES } from './allowed-differences.js';

describe('allowed differences', () => {
  const docs = readFileSync(`${REPO_ROOT}docs/api.md`, 'utf8');
  it.each(Object.keys(ALLOWED_DIFFERENCES))('%s is listed in docs/api.md', (name) => {
    expect(docs).toContain(`- \`${name}\`:`);
  });
});
