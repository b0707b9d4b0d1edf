// The floor for probe CPU: a bare Node process that sends the same HTTP GETs the daemon's probes
// send (no keep-alive, one connection each, the answer's status read and the body dropped), at
// the same rate, spread over the second as the daemon's are. Its CPU over the window is what any
// Node prober pays at the least.

import { spawn } from 'node:child_process';

import { sleep } from '../clock.js';
import { cpuSeconds } from '../proc/proc-stats.js';

const FLOOR_SCRIPT = `
const http = require('node:http');
const [url, perSecond] = [process.argv[1], Number(process.argv[2])];
const every = 10;
const perTick = perSecond / (1000 / every);
let owed = 0;
setInterval(() => {
  owed += perTick;
  for (; owed >= 1; owed -= 1) {
    const req = http.request(url, { agent: false }, (res) => { res.resume(); });
    req.on('error', () => {});
    req.setTimeout(1000, () => req.destroy());
    req.end();
  }
}, every);
`;

/** CPU seconds per second of the floor prober over `windowMs`, after `settleMs`. */
export const probeFloorCpu = async (
  url: string,
  perSecond: number,
  settleMs: number,
  windowMs: number,
): Promise<number | null> => {
  const child = spawn(process.execPath, ['-e', FLOOR_SCRIPT, url, String(perSecond)], {
    stdio: 'ignore',
  });
  const pid = child.pid;
  try {
    if (pid === undefined) {
      return null;
    }
    await sleep(settleMs);
    const before = cpuSeconds(pid);
    await sleep(windowMs);
    const after = cpuSeconds(pid);
    return before === null || after === null ? null : (after - before) / (windowMs / 1000);
  } finally {
    child.kill('SIGKILL');
  }
};
