// minfds / minprocs: make sure RLIMIT_NOFILE and RLIMIT_NPROC are at least the configured
// minimum, as supervisord does at first start. Node has no setrlimit, so we read
// /proc/self/limits and raise our own limits with util-linux's prlimit(1) on our pid.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export type RlimitResource = 'nofile' | 'nproc';

const PROC_LABEL: Record<RlimitResource, string> = {
  nofile: 'Max open files',
  nproc: 'Max processes',
};

interface Limit {
  readonly soft: number;
  readonly hard: number;
}

const parseLimit = (text: string): number =>
  text === 'unlimited' ? Number.POSITIVE_INFINITY : Number(text);

export const readRlimit = (resource: RlimitResource): Limit | undefined => {
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(PROC_LABEL[resource]));
  const fields = line?.slice(PROC_LABEL[resource].length).trim().split(/\s+/);
  if (fields === undefined || fields.length < 2) {
    return undefined;
  }
  return { soft: parseLimit(fields[0] ?? ''), hard: parseLimit(fields[1] ?? '') };
};

/**
 * Raise the soft (and if needed hard) limit to `minimum`. Returns an info message when it was
 * raised, undefined when nothing was needed, or { error, hard } when it could not be done.
 */
export const ensureRlimit = (
  resource: RlimitResource,
  minimum: number,
): { readonly raised: string } | { readonly error: true; readonly hard: number } | undefined => {
  const limit = readRlimit(resource);
  if (limit === undefined || limit.soft >= minimum) {
    return undefined;
  }
  const hard = Math.max(limit.hard, minimum);
  const hardText = Number.isFinite(hard) ? String(hard) : 'unlimited';
  try {
    execFileSync(
      'prlimit',
      ['--pid', String(process.pid), `--${resource}=${minimum}:${hardText}`],
      {
        stdio: 'ignore',
      },
    );
  } catch {
    // not permitted (raising the hard limit needs root) or prlimit missing
  }
  const after = readRlimit(resource);
  if (after !== undefined && after.soft >= minimum) {
    return { raised: `Increased RLIMIT_${resource.toUpperCase()} limit to ${minimum}` };
  }
  return { error: true, hard: after?.hard ?? limit.hard };
};
