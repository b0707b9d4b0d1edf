// The `status` table: namespec in a column max(30, longest)+3 wide, the state name padded to
// 10, then the description. Scripts parse these lines, so the layout is supervisorctl's.

import type { ProcessInfo } from '../../protocol/process-info.js';
import { makeNamespec } from '../../model/namespec.js';
import { codePointLength, padRight } from './pad.js';

const MIN_NAME_WIDTH = 30;
const STATE_WIDTH = 10;

export const renderStatusLines = (infos: readonly ProcessInfo[]): string[] => {
  const namespecs = infos.map((info) => makeNamespec(info.group, info.name));
  const width = Math.max(MIN_NAME_WIDTH, ...namespecs.map(codePointLength)) + 3;
  return infos.map(
    (info, i) =>
      `${padRight(namespecs[i] ?? '', width)}${padRight(info.statename, STATE_WIDTH)}${info.description}`,
  );
};
