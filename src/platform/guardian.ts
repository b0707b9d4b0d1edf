// The guardian: a tiny sh, detached in its own session, whose stdin is a pipe from the daemon.
// When the pipe reads EOF without a word from the daemon, the daemon died (SIGKILL, OOM killer):
// once its pid is gone (or a zombie) the guardian stops every process group of the children
// ledger whose leader still has the start time the ledger recorded — SIGTERM, then SIGKILL
// after 0.5 s. On a clean exit the daemon writes `exit` and the guardian leaves quietly.

import { spawn } from 'node:child_process';

import type { LogLevel } from '../model/log-level.js';

/** How long the guardian waits between SIGTERM and SIGKILL, in tenths of a second. */
export const GUARDIAN_GRACE_TENTHS = 5;

// POSIX sh (dash, busybox, bash): `kill -TERM -<pgid>`, `${20}`, no arrays, no `--` after kill.
// Stat fields after the `) `: 1 state, 3 pgrp, 20 starttime.
const SCRIPT = `trap '' HUP INT PIPE
daemon=$1 ledger=$2
while IFS= read -r line; do [ "$line" = exit ] && exit 0; done
n=0
while [ $n -lt 20 ]; do
  s=; read -r s 2>/dev/null <"/proc/$daemon/stat" || break
  case \${s##*) } in Z*|X*) break;; esac
  sleep 0.05; n=$((n+1))
done
[ $n -ge 20 ] && exit 0
groups=
while read -r pgid start name; do
  [ "$pgid $start" = "# end" ] && break
  case $pgid in ''|*[!0-9]*) continue;; esac
  s=; read -r s 2>/dev/null <"/proc/$pgid/stat" || continue
  set -- \${s##*) }
  [ "$3" = "$pgid" ] && [ "\${20}" = "$start" ] || continue
  kill -TERM -"$pgid" 2>/dev/null && groups="$groups $pgid"
done <"$ledger"
n=0
while [ -n "$groups" ] && [ $n -lt ${GUARDIAN_GRACE_TENTHS} ]; do
  sleep 0.1; n=$((n+1)); left=
  for g in $groups; do kill -0 -"$g" 2>/dev/null && left="$left $g"; done
  groups=$left
done
for g in $groups; do kill -KILL -"$g" 2>/dev/null; done
exit 0
`;

export interface Guardian {
  readonly pid: number;
  /** A clean exit: tell the guardian to leave without touching anything. */
  dismiss(): void;
}

export interface GuardianOptions {
  readonly daemonPid: number;
  readonly ledgerPath: string;
  readonly log: (level: LogLevel, message: string) => void;
}

/** Start the guardian; null (logged) if it cannot be spawned. */
export const startGuardian = (options: GuardianOptions): Guardian | null => {
  let dismissed = false;
  // The script travels in the environment, so `ps` shows one readable line.
  const child = spawn(
    '/bin/sh',
    [
      '-c',
      'eval "$TSSUPERVISORD_GUARDIAN"',
      'tssupervisord-guardian',
      String(options.daemonPid),
      options.ledgerPath,
    ],
    {
      detached: true,
      cwd: '/',
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', TSSUPERVISORD_GUARDIAN: SCRIPT },
      stdio: ['pipe', 'ignore', 'ignore'],
    },
  );
  child.once('error', () => undefined);
  const pid = child.pid;
  if (pid === undefined) {
    options.log(
      'warn',
      'could not start the guardian (/bin/sh): if the daemon is killed, its children will be left running',
    );
    return null;
  }
  child.stdin.on('error', () => undefined);
  child.once('exit', (code, signal) => {
    if (!dismissed) {
      options.log(
        'warn',
        `the guardian (pid ${pid}) exited (${signal ?? `exit status ${code ?? 0}`}): if the daemon is killed, its children will be left running`,
      );
    }
  });
  child.unref();
  return {
    pid,
    dismiss: () => {
      dismissed = true;
      child.stdin.end('exit\n');
    },
  };
};
