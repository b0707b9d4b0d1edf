import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { GENERATED_BEGIN, GENERATED_END, renderStateMachineDoc } from './state-diagram.js';
import { TRANSITIONS } from './transitions.js';

const DOC = fileURLToPath(new URL('../../docs/state-machine.md', import.meta.url));

describe('docs/state-machine.md', () => {
  const rendered = renderStateMachineDoc(TRANSITIONS);

  it('contains exactly the diagram and matrix rendered from the table', () => {
    let doc = readFileSync(DOC, 'utf8');
    if (process.env['UPDATE_STATE_MACHINE_DOC'] === '1') {
      const begin = doc.indexOf(GENERATED_BEGIN);
      const end = doc.indexOf(GENERATED_END) + GENERATED_END.length;
      doc = doc.slice(0, begin) + rendered + doc.slice(end);
      writeFileSync(DOC, doc);
    }
    // Out of date? Run: UPDATE_STATE_MACHINE_DOC=1 npx vitest run src/engine/state-diagram.test.ts
    expect(doc).toContain(rendered);
  });

  it('draws every move of the table', () => {
    expect(rendered).toContain('STOPPING --> STOPPING: timerFired');
    expect(rendered).toContain('BACKOFF --> FATAL: shutdown, giveUp');
    expect(rendered).toContain('| start | → STARTING / WAITING | reject ALREADY_STARTED |');
    expect(rendered).toContain('EXITED --> DELAYED: autorestart');
  });
});
