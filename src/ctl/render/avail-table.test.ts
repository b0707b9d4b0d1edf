import { expect, it } from 'vitest';

import { renderAvailLine } from './avail-table.js';

it('lays out name, use, autostart and priorities in fixed columns', () => {
  expect(
    renderAvailLine({
      name: 'x',
      group: 'g',
      inuse: true,
      autostart: true,
      group_prio: 30,
      process_prio: 40,
    }),
  ).toBe('g:x                              in use    auto      30:40');
  expect(
    renderAvailLine({
      name: 'solo',
      group: 'solo',
      inuse: false,
      autostart: false,
      group_prio: 999,
      process_prio: 999,
    }),
  ).toBe('solo                             avail     manual    999:999');
});
