// GET /healthz and /readyz on a real daemon's TCP listener, as a Kubernetes httpGet probe sends
// them (no credentials), while programs start, become ready, finish, fail and are stopped.

import { execFileSync } from 'node:child_process';

import { afterEach, describe, expect, it } from 'vitest';

import { freePort } from '../helpers/ports.js';
import {
  baseConfig,
  CTL_BIN,
  killDaemon,
  PROGRAMS,
  startDaemon,
  type RunningDaemon,
} from '../helpers/daemon-harness.js';
import { httpGet, type Listener } from '../helpers/http-get.js';
import { waitFor } from '../helpers/wait-for.js';

const CREDENTIALS = { username: 'admin', password: 'secret' };

/** The usual header, plus a TCP listener with credentials (the unix socket has none). */
const configWith = (port: number, programs: string): string =>
  baseConfig(`
[inet_http_server]
port=127.0.0.1:${port}
username=admin
password=secret
${programs}`);

let daemon: RunningDaemon | undefined;
afterEach(async () => {
  await killDaemon(daemon);
  daemon = undefined;
});

const start = async (programs: (port: number) => string): Promise<Listener> => {
  const port = await freePort();
  daemon = startDaemon(configWith(port, programs(await freePort())));
  const tcp = { port };
  await waitFor(async () => (await httpGet(tcp, '/healthz')).status === 200, {
    what: 'the daemon to answer /healthz',
  });
  return tcp;
};

describe('/healthz and /readyz', () => {
  it('are 503 until every autostart program is RUNNING (ready), then 200; without credentials', async () => {
    const tcp = await start(
      (apiPort) => `
[program:api]
command=node ${PROGRAMS}/http-server.mjs
environment=PORT="${apiPort}",DELAY_MS="1200"
readiness_probe=http://127.0.0.1:${apiPort}/health
readiness_period=0.1

[program:migrate]
command=node ${PROGRAMS}/exit-with.mjs 0 100
startsecs=0
autorestart=unexpected

[program:manual]
command=node ${PROGRAMS}/forever.mjs
autostart=false
`,
    );
    const alive = await httpGet(tcp, '/healthz');
    expect([alive.status, alive.body, alive.headers['content-type']]).toEqual([
      200,
      'ok\n',
      'text/plain; charset=utf-8',
    ]);

    // Not ready while the api's probe fails: no names without credentials, names with them.
    const early = await httpGet(tcp, '/readyz');
    expect(early.status).toBe(503);
    expect(early.body).toMatch(/^not ready: [12] of 2 autostart processes not RUNNING\n$/);
    const detailed = await httpGet(tcp, '/readyz', CREDENTIALS);
    expect(detailed.status).toBe(503);
    expect(detailed.body).toMatch(/^api STARTING( \(not ready.*\))?$/m);
    expect(detailed.body).not.toMatch(/^manual/m);

    // The api answers, the migration is done (EXITED as expected): ready.
    const ready = await waitFor(
      async () => {
        const answer = await httpGet(tcp, '/readyz');
        return answer.status === 200 && answer;
      },
      { what: '/readyz to answer 200' },
    );
    expect(ready.body).toBe('ready: 2 autostart processes up\n');
    // The other paths still want credentials.
    expect((await httpGet(tcp, '/metrics')).status).toBe(401);
    expect((await httpGet(tcp, '/metrics', CREDENTIALS)).status).toBe(200);
  });

  it('are 503 with the names of what failed or was stopped, while /healthz stays 200', async () => {
    const tcp = await start(
      () => `
[program:web]
command=node ${PROGRAMS}/forever.mjs
startsecs=0

[program:broken]
command=/bin/false
startretries=0
`,
    );
    const failed = await waitFor(
      async () => {
        const answer = await httpGet(tcp, '/readyz', CREDENTIALS);
        return answer.body.includes('broken FATAL') && answer;
      },
      { what: '/readyz to name broken as FATAL' },
    );
    expect(failed.status).toBe(503);
    expect(failed.body).toBe('not ready: 1 of 2 autostart processes not RUNNING\nbroken FATAL\n');
    expect((await httpGet(tcp, '/healthz')).status).toBe(200);

    execFileSync(process.execPath, [CTL_BIN, '-c', daemon?.configPath ?? '', 'stop', 'web']);
    const stopped = await httpGet(tcp, '/readyz', CREDENTIALS);
    expect(stopped.body).toBe(
      'not ready: 2 of 2 autostart processes not RUNNING\nbroken FATAL\nweb STOPPED\n',
    );
    // On the unix socket (no credentials configured there) the names come without asking.
    const unix = await httpGet(
      { socketPath: daemon?.dir.join('supervisor.sock') ?? '' },
      '/readyz',
    );
    expect(unix.body).toContain('web STOPPED');
  });
});
