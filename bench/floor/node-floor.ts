// The floor for a daemon's memory: a minimal Node process doing what any Node supervisor daemon
// must do at the least — an HTTP server on a unix socket (node:http), one child spawned through
// child_process with pipes, its output appended to a log file — loaded as an ES module, as
// tssupervisord is. Its RSS is measured as a daemon's: 1 s after it has answered one request.
// Also a bare idle `node -e` process, for what Node itself costs.

import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';

import { sleep, waitFor } from '../clock.js';
import { rssMiB } from '../proc/proc-stats.js';

const FLOOR_DAEMON = `// A minimal Node daemon: HTTP on a unix socket, one piped child, a log file.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:http';

const [socket, logFile] = process.argv.slice(2);
const log = createWriteStream(logFile, { flags: 'a' });
const child = spawn('sleep', ['2147483647'], { stdio: ['ignore', 'pipe', 'pipe'] });
child.stdout.on('data', (chunk) => log.write(chunk));
child.stderr.on('data', (chunk) => log.write(chunk));
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    log.write(\`\${req.method} \${req.url}\\n\`);
    res.end('ok\\n');
  });
});
server.listen(socket, () => log.write(\`listening on \${socket}, child \${child.pid}\\n\`));
`;

/** One GET over the unix socket; resolves true once it was answered, false if it failed. */
const answered = (socketPath: string): Promise<boolean> =>
  new Promise((resolve) => {
    const req = request({ socketPath, path: '/', method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200));
    });
    req.on('error', () => resolve(false));
    req.end();
  });

/** RSS of the minimal Node daemon, 1 s after it answered; everything it starts mentions `dir`. */
export const nodeFloorRss = async (dir: string): Promise<number | null> => {
  const script = join(dir, 'floor-daemon.mjs');
  const socket = join(dir, 'floor.sock');
  writeFileSync(script, FLOOR_DAEMON);
  // The environment names dir too, so the reaper also finds the sleep child.
  const child = spawn(process.execPath, [script, socket, join(dir, 'floor.log')], {
    stdio: 'ignore',
    env: { ...process.env, TSSBENCH_FLOOR_DIR: dir },
  });
  await waitFor(
    'the Node floor to answer',
    async () => ((await answered(socket)) ? true : null),
    10_000,
  );
  await sleep(1000);
  return child.pid === undefined ? null : rssMiB(child.pid);
};

/** RSS of a bare idle Node process, 1 s after it started. */
export const idleNodeRss = async (dir: string): Promise<number | null> => {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e9)', dir], {
    stdio: 'ignore',
  });
  await sleep(1000);
  return child.pid === undefined ? null : rssMiB(child.pid);
};
