// Readiness and liveness probes through the engine: a fake prober answers each probe, a manual
// clock drives periods and deadlines, a fake spawner's children exit on demand.

import { describe, expect, it } from 'vitest';

import { engineWorld, startThenRestart } from '../../test/fakes/engine-world.js';
import { programGroup } from '../../test/fakes/program-config.js';
import type { LivenessConfig, ReadinessConfig } from '../config/types.js';

const readiness = (overrides: Partial<ReadinessConfig> = {}): ReadinessConfig => ({
  probe: { kind: 'http', url: 'http://127.0.0.1:8000/health' },
  initialDelayMs: 0,
  periodMs: 1000,
  timeoutMs: 1000,
  successThreshold: 1,
  deadlineMs: 10_000,
  ...overrides,
});

const liveness = (overrides: Partial<LivenessConfig> = {}): LivenessConfig => ({
  probe: { kind: 'tcp', host: '127.0.0.1', port: 8000 },
  initialDelayMs: 0,
  periodMs: 10_000,
  timeoutMs: 1000,
  failureThreshold: 3,
  ...overrides,
});

const refused = { ok: false, reason: 'connection refused' } as const;

describe('readiness probe', () => {
  it('keeps the process STARTING until the probe passes, then RUNNING, and stops probing', async () => {
    const w = engineWorld({ groups: [programGroup('web', { readiness: readiness() })] });
    w.supervisor.autostart();
    const web = w.proc('web');
    w.clock.advance(0);
    expect(w.prober.pending).toHaveLength(1);
    expect(w.prober.pending[0]?.target).toEqual({
      kind: 'http',
      url: 'http://127.0.0.1:8000/health',
    });
    await w.prober.answerNext(refused);
    expect(web.state).toBe('STARTING');
    expect(web.info().reason).toBe('not ready: connection refused (1)');
    expect(web.health()).toEqual({
      readiness: 'pending',
      liveness: 'none',
      probeFailures: 1,
      waitingFor: null,
      restartInMs: null,
      restartedBy: null,
      nextRestartMs: null,
    });
    // startsecs (1 s) does not promote a process that has a readiness probe
    w.clock.advance(1000);
    expect(web.state).toBe('STARTING');
    await w.prober.answerNext(refused);
    expect(web.info().reason).toBe('not ready: connection refused (2)');
    w.clock.advance(1000);
    await w.prober.answerNext({ ok: true });
    expect(web.state).toBe('RUNNING');
    expect(web.info().reason).toBeNull();
    expect(web.health()).toMatchObject({ readiness: 'ready', probeFailures: 0 });
    expect(w.logger.texts).toContain(
      'INFO success: web entered RUNNING state, process is ready (readiness probe passed)',
    );
    w.clock.advance(60_000);
    expect(w.prober.pending).toHaveLength(0);
    expect(w.prober.count).toBe(3);
    expect(w.transitions()).toEqual(['web STOPPED→STARTING', 'web STARTING→RUNNING']);
    expect(w.events.filter((e) => e.type === 'PROCESS_HEALTH')).toEqual([
      {
        type: 'PROCESS_HEALTH',
        change: 'READY',
        processName: 'web',
        groupName: 'web',
        pid: 1000,
        failures: 0,
        reason: '',
      },
    ]);
    // the health event comes after the state change it explains
    const kinds = w.events.map((e) => e.type).filter((t) => t.startsWith('PROCESS_'));
    expect(kinds.slice(-2)).toEqual(['PROCESS_STATE', 'PROCESS_HEALTH']);
  });

  it('waits the initial delay and needs successThreshold passes in a row', async () => {
    const w = engineWorld({
      groups: [
        programGroup('web', { readiness: readiness({ initialDelayMs: 500, successThreshold: 2 }) }),
      ],
    });
    w.supervisor.autostart();
    w.clock.advance(499);
    expect(w.prober.pending).toHaveLength(0);
    w.clock.advance(1);
    await w.prober.answerNext({ ok: true });
    expect(w.proc('web').state).toBe('STARTING');
    w.clock.advance(1000);
    await w.prober.answerNext(refused);
    w.clock.advance(1000);
    await w.prober.answerNext({ ok: true });
    expect(w.proc('web').state).toBe('STARTING');
    w.clock.advance(1000);
    await w.prober.answerNext({ ok: true });
    expect(w.proc('web').state).toBe('RUNNING');
  });

  it('a probe slower than its period delays the next one, never overlaps it', async () => {
    const w = engineWorld({ groups: [programGroup('web', { readiness: readiness() })] });
    w.supervisor.autostart();
    w.clock.advance(0);
    w.clock.advance(3000);
    expect(w.prober.pending).toHaveLength(1);
    await w.prober.answerNext(refused);
    w.clock.advance(0);
    expect(w.prober.pending).toHaveLength(1);
  });

  it('not ready by the deadline: stops it and counts a failed attempt (BACKOFF), then retries', async () => {
    const w = engineWorld({
      groups: [programGroup('web', { readiness: readiness({ deadlineMs: 3000 }) })],
    });
    w.supervisor.autostart();
    const web = w.proc('web');
    for (let i = 0; i < 3; i++) {
      w.clock.advance(i === 0 ? 0 : 1000);
      await w.prober.answerNext(refused);
    }
    w.clock.advance(1000);
    expect(web.state).toBe('STOPPING');
    expect(w.spawner.last.signals).toEqual([{ signal: 'TERM', group: false }]);
    expect(w.logger.texts).toContain(
      'WARN not ready: web was not ready within 3 seconds (last probe: connection refused); stopping it',
    );
    expect(w.events.filter((e) => e.type === 'PROCESS_HEALTH')).toMatchObject([
      { change: 'NOT_READY', failures: 3, reason: 'connection refused' },
    ]);
    w.spawner.last.exit('TERM');
    expect(web.state).toBe('BACKOFF');
    expect(web.info().spawnErr).toBe('Not ready within 3 seconds');
    // the pending probe of the stopped child is dropped
    w.clock.advance(1000);
    expect(web.state).toBe('STARTING');
    expect(w.spawner.children).toHaveLength(2);
    expect(w.transitions()).toEqual([
      'web STOPPED→STARTING',
      'web STARTING→STOPPING',
      'web STOPPING→BACKOFF',
      'web BACKOFF→STARTING',
    ]);
  });

  it('gives up (FATAL) after startretries deadlines, like too-quick exits', () => {
    const w = engineWorld({
      groups: [
        programGroup('web', { startRetries: 1, readiness: readiness({ deadlineMs: 1000 }) }),
      ],
    });
    w.supervisor.autostart();
    for (let attempt = 0; attempt < 2; attempt++) {
      w.clock.advance(1000);
      w.spawner.last.exit('TERM');
      w.clock.advance(1000);
    }
    expect(w.proc('web').state).toBe('FATAL');
  });

  it('an exit before the probe passed is a failed start even after startsecs', () => {
    const w = engineWorld({ groups: [programGroup('web', { readiness: readiness() })] });
    w.supervisor.autostart();
    w.clock.advance(5000);
    w.spawner.last.exit(0);
    expect(w.proc('web').state).toBe('BACKOFF');
    expect(w.proc('web').info().spawnErr).toBe('Exited too quickly (process log may have details)');
  });

  it('a stop while not ready stops it like any STARTING process', async () => {
    const w = engineWorld({ groups: [programGroup('web', { readiness: readiness() })] });
    w.supervisor.autostart();
    w.clock.advance(0);
    expect(w.proc('web').stop()).toBeUndefined();
    await w.prober.answerNext({ ok: true });
    w.spawner.last.exit('TERM');
    expect(w.proc('web').state).toBe('STOPPED');
    expect(w.prober.pending).toHaveLength(0);
  });
});

describe('liveness probe', () => {
  it('probes while RUNNING; failures in a row restart it, a pass resets the count', async () => {
    const w = engineWorld({
      groups: [programGroup('web', { startMs: 0, liveness: liveness() })],
    });
    w.supervisor.autostart();
    const web = w.proc('web');
    expect(web.state).toBe('RUNNING');
    w.clock.advance(0);
    await w.prober.answerNext(refused);
    w.clock.advance(10_000);
    await w.prober.answerNext(refused);
    expect(web.info().reason).toBe('liveness failing: connection refused (2/3)');
    expect(web.health()).toMatchObject({ liveness: 'failing', probeFailures: 2 });
    w.clock.advance(10_000);
    await w.prober.answerNext({ ok: true });
    expect(web.info().reason).toBeNull();
    for (let i = 0; i < 3; i++) {
      w.clock.advance(10_000);
      await w.prober.answerNext(refused);
    }
    expect(web.state).toBe('STOPPING');
    expect(w.logger.texts).toContain(
      'WARN not live: web failed its liveness probe 3 times in a row (connection refused); restarting it',
    );
    expect(w.events.filter((e) => e.type === 'PROCESS_HEALTH')).toMatchObject([
      { change: 'NOT_LIVE', failures: 3, reason: 'connection refused', pid: 1000 },
    ]);
    const first = w.spawner.last;
    first.exit('TERM');
    expect(web.state).toBe('RUNNING');
    expect(w.spawner.children).toHaveLength(2);
    expect(w.transitions()).toEqual(startThenRestart('web'));
  });

  it('a client stop during the liveness restart cancels the restart', async () => {
    const w = engineWorld({
      groups: [programGroup('web', { startMs: 0, liveness: liveness({ failureThreshold: 1 }) })],
    });
    w.supervisor.autostart();
    w.clock.advance(0);
    await w.prober.answerNext(refused);
    expect(w.proc('web').state).toBe('STOPPING');
    expect(w.proc('web').stop()).toBeUndefined();
    w.spawner.last.exit('TERM');
    expect(w.proc('web').state).toBe('STOPPED');
    expect(w.spawner.children).toHaveLength(1);
  });

  it('does not probe a process without a liveness probe, nor a stopped one', () => {
    const w = engineWorld({ groups: [programGroup('web', { startMs: 0 })] });
    w.supervisor.autostart();
    w.clock.advance(60_000);
    expect(w.prober.count).toBe(0);
  });
});
