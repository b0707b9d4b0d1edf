import { expect, it } from 'vitest';

import type { ServerTarget } from '../deps.js';
import { createProgram } from '../program.js';
import { fakeCtl, runCtl } from '../../../test/fakes/fake-ctl-deps.js';

const withDashboard = (exitStatus: number) => {
  const fake = fakeCtl();
  const opened: ServerTarget[] = [];
  const deps = {
    ...fake.deps,
    runDashboard: (hosts: readonly { name: string; target: ServerTarget }[]) => {
      opened.push(...hosts.map((h) => h.target));
      return Promise.resolve(exitStatus);
    },
  };
  return { fake, opened, program: createProgram(deps) };
};

it.each(['dashboard', 'top'])('%s runs the dashboard on the server of -s/-u/-p', async (verb) => {
  const { opened, program } = withDashboard(0);
  const exit = await program.run(['-s', 'unix:///tmp/s.sock', '-u', 'me', '-p', 'pw', verb]);
  expect(exit).toBe(0);
  expect(opened).toEqual([{ serverUrl: 'unix:///tmp/s.sock', username: 'me', password: 'pw' }]);
});

it("exits with the dashboard's status", async () => {
  const { program } = withDashboard(2);
  expect(await program.run(['dashboard'])).toBe(2);
});

it('takes no arguments, and needs the dashboard wired in', async () => {
  const { fake, program } = withDashboard(0);
  expect(await program.run(['dashboard', 'web'])).toBe(1);
  expect(fake.stdout()).toMatch(/^Error: dashboard accepts no arguments\ndashboard\t/);
  const bare = await runCtl(['top']);
  expect([bare.stdout, bare.exit]).toEqual(['Error: top is not available here\n', 1]);
});

it('has help of its own, but stays out of supervisorctl’s command list', async () => {
  expect((await runCtl(['help', 'dashboard'])).stdout).toMatch(/^dashboard\t\tA live terminal/);
  expect((await runCtl(['help', 'top'])).stdout).toMatch(/^top\t\t\tA live terminal/);
  expect((await runCtl(['help'])).stdout).not.toContain('dashboard');
  expect((await runCtl(['help', 'EOF'])).stdout).toBe('*** No help on EOF\n');
});

it('is not run from inside the shell', async () => {
  const run = await runCtl([], { lines: ['dashboard'] });
  expect(run.stdout).toContain(
    'dashboard: not from the shell; run `tssupervisorctl dashboard` instead',
  );
});
