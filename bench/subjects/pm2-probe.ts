// A separate process that talks to one PM2 daemon through PM2's own programmatic client (the
// same RPC its CLI uses): `list` timed N times, or `stop all` timed once. Run with PM2_HOME set;
// prints one JSON line: { "times": [ms…], "statuses": [status…] }.
//   node pm2-probe.js <pm2 package dir> list <calls> <budget ms> | stop

import { createRequire } from 'node:module';

interface Pm2Process {
  readonly pm2_env?: { readonly status?: string; readonly pmx_module?: boolean };
}

type Callback<T> = (error: Error | null, value: T) => void;

interface Pm2Api {
  connect(callback: Callback<unknown>): void;
  list(callback: Callback<Pm2Process[]>): void;
  stop(target: string, callback: Callback<unknown>): void;
  disconnect(): void;
}

const isPm2Api = (value: unknown): value is Pm2Api =>
  typeof value === 'object' &&
  value !== null &&
  ['connect', 'list', 'stop', 'disconnect'].every(
    (key) => typeof (value as Record<string, unknown>)[key] === 'function',
  );

/** The statuses of the apps (PM2 modules such as pm2-logrotate left out). */
const appStatuses = (processes: readonly Pm2Process[]): string[] =>
  processes.filter((p) => p.pm2_env?.pmx_module !== true).map((p) => p.pm2_env?.status ?? '?');

const promisify =
  <T>(call: (callback: Callback<T>) => void) =>
  (): Promise<T> =>
    new Promise((resolve, reject) =>
      call((error, value) => (error === null ? resolve(value) : reject(error))),
    );

const main = async (): Promise<void> => {
  const [packageDir, op, callsArg, budgetArg] = process.argv.slice(2);
  if (packageDir === undefined || (op !== 'list' && op !== 'stop')) {
    throw new Error('usage: pm2-probe.js <pm2 dir> list <calls> <budget ms> | stop');
  }
  const pm2: unknown = createRequire(import.meta.url)(packageDir);
  if (!isPm2Api(pm2)) {
    throw new Error(`${packageDir} does not look like PM2's programmatic API`);
  }
  await promisify<unknown>((cb) => pm2.connect(cb))();
  const list = promisify<Pm2Process[]>((cb) => pm2.list(cb));
  const times: number[] = [];
  let statuses: string[] = [];
  try {
    if (op === 'list') {
      const calls = Number(callsArg ?? '1');
      const until = performance.now() + Number(budgetArg ?? '5000');
      while (times.length < calls && (times.length < 3 || performance.now() < until)) {
        const t0 = performance.now();
        const processes = await list();
        times.push(performance.now() - t0);
        statuses = appStatuses(processes);
      }
    } else {
      const t0 = performance.now();
      await promisify<unknown>((cb) => pm2.stop('all', cb))();
      times.push(performance.now() - t0);
      statuses = appStatuses(await list());
    }
  } finally {
    pm2.disconnect();
  }
  process.stdout.write(`${JSON.stringify({ times, statuses })}\n`);
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
