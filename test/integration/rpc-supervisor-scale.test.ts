// getAllProcessInfo at 1000 processes on the real daemon: every process, sorted by group then
// name, with the same structs getProcessInfo gives. Correctness only; the time is printed (the
// bench/ figures are the place for performance), never asserted.

import { performance } from 'node:perf_hooks';

import { afterEach, describe, expect, it } from 'vitest';

import type { XmlRpcStruct, XmlRpcValue } from '../../src/protocol/xmlrpc/xmlrpc-value.js';
import { killDaemon } from '../helpers/daemon-harness.js';
import { startSupervisor, struct, type SupervisorUnderTest } from './rpc-supervisor-harness.js';

let sut: SupervisorUnderTest | undefined;
afterEach(async () => {
  sut?.close();
  await killDaemon(sut?.daemon);
  sut = undefined;
});

/** Ten programs of 100 processes, declared (and prioritised) out of name order. */
const CONF = Array.from({ length: 10 }, (_, i) => {
  const program = `grp${String(9 - i)}`;
  return `
[program:${program}]
command=sleep 1000
process_name=%(program_name)s_%(process_num)03d
numprocs=100
priority=${String(100 + i)}
autostart=false
startsecs=0
stdout_logfile_maxbytes=1MB
stderr_logfile=NONE
`;
}).join('');

const text = (value: XmlRpcValue | undefined): string => (typeof value === 'string' ? value : '');

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

describe('getAllProcessInfo at 1000 processes', () => {
  it('returns every process, sorted, with the getProcessInfo structs', async () => {
    sut = await startSupervisor(CONF, { args: ['--minfds', '1024'] });
    const started = await sut.rpc.call('supervisor.startProcessGroup', ['grp3']);
    expect(started).toHaveLength(100);

    const answer = await sut.rpc.call('supervisor.getAllProcessInfo');
    const all = (Array.isArray(answer) ? answer : []).map(struct);
    expect(all).toHaveLength(1000);
    const names = all.map((p) => `${text(p['group'])}:${text(p['name'])}`);
    expect(names).toEqual([...names].sort());
    expect(names[0]).toBe('grp0:grp0_000');
    expect(names[999]).toBe('grp9:grp9_099');
    const states = all.map((p) => p['statename']);
    expect(states.filter((s) => s === 'RUNNING')).toHaveLength(100);
    expect(states.filter((s) => s === 'STOPPED')).toHaveLength(900);

    // The same struct as getProcessInfo's, but for `now` and the uptime, which move on.
    const settled = (p: XmlRpcStruct | undefined) => ({
      ...p,
      now: 0,
      description: text(p?.['description']).replace(/uptime .*/, ''),
    });
    const one = struct(await sut.rpc.call('supervisor.getProcessInfo', ['grp3:grp3_042']));
    expect(settled(all.find((p) => p['name'] === 'grp3_042'))).toEqual(settled(one));

    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      await sut.rpc.call('supervisor.getAllProcessInfo');
      times.push(performance.now() - t0);
    }
    console.log(
      `getAllProcessInfo, 1000 processes, round trip with our client, XML parsing included: median ${median(times).toFixed(1)} ms`,
    );
    await sut.rpc.call('supervisor.stopProcessGroup', ['grp3']);
  });
});
