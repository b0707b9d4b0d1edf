// `avail`: one line per configured process — namespec, in use/avail, auto/manual and
// group:process priorities, in supervisorctl's fixed-width columns.

import type { ConfigInfo } from '../../protocol/config-info.js';
import { makeNamespec } from '../../model/namespec.js';
import { padRight } from './pad.js';

export const renderAvailLine = (info: ConfigInfo): string =>
  [
    padRight(makeNamespec(info.group, info.name), 32),
    padRight(info.inuse ? 'in use' : 'avail', 9),
    padRight(info.autostart ? 'auto' : 'manual', 9),
    `${info.group_prio}:${info.process_prio}`,
  ].join(' ');
