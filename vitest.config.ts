import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/compat/**/*.test.ts'],
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Faults and overload (test/faults): one file at a time, since they load the machine and
        // measure latency. Short in CI; FAULTS_LONG=1 (npm run test:faults:long) runs them long.
        test: {
          name: 'faults',
          include: ['test/faults/**/*.test.ts'],
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 600_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The daemon compat scenarios again, with tssupervisorctl driving our daemon in place of
        // the real supervisorctl (the reference side keeps supervisorctl): the ctls must agree too.
        test: {
          name: 'compat-our-ctl',
          include: [
            'test/compat/ctl-control.test.ts',
            'test/compat/ctl-logs.test.ts',
            'test/compat/ctl-config.test.ts',
            'test/compat/lifecycle.test.ts',
          ],
          env: { COMPAT_CTL: 'tssupervisorctl' },
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
