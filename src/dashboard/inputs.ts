// What the dashboard's reducer takes in (keys, terminal size, time, the daemon's answers, log
// data, command results) and the effects it asks the runner to perform.

import type { ConfigInfo } from '../protocol/config-info.js';
import type { ProcessDetailInfo } from '../protocol/process-detail.js';
import type { ProcessInfo } from '../protocol/process-info.js';
import type { CommandOutcome, ProcessCommand } from './commands.js';
import type { ProcessHealth, ProcessUsage } from './daemon-api.js';
import type { LogStatus } from './log-pane.js';
import type { Feature, Support } from './host-link.js';

/** What one daemon's syncs report: its answers, what it serves, whether it answers at all. */
export type DaemonInput =
  | {
      readonly type: 'processes';
      readonly processes: readonly ProcessInfo[];
      /** local wall ms when the answer arrived */
      readonly receivedAtMs: number;
    }
  | { readonly type: 'usage'; readonly usage: readonly ProcessUsage[] }
  | { readonly type: 'health'; readonly health: readonly ProcessHealth[] }
  | { readonly type: 'config'; readonly configs: readonly ConfigInfo[] }
  | { readonly type: 'config-failed'; readonly reason: string }
  | { readonly type: 'detail'; readonly key: string; readonly info: ProcessDetailInfo }
  | {
      readonly type: 'support';
      readonly feature: Feature;
      readonly support: Support;
    }
  | { readonly type: 'connected' }
  | { readonly type: 'connection-lost'; readonly reason: string; readonly atMs: number };

export type DashboardInput =
  /** `key`: the screen's key name (`j`, `S`, `enter`, `C-c`); `ch`: the character typed, if any. */
  | { readonly type: 'key'; readonly key: string; readonly ch: string | undefined }
  | { readonly type: 'resize'; readonly cols: number; readonly rows: number }
  | { readonly type: 'tick'; readonly nowMs: number }
  /** `host`: the daemon it comes from, by its fleet name ('' without a fleet). */
  | (DaemonInput & { readonly host: string })
  /** `replace`: the text is the log read back from scratch, not an addition. */
  | {
      readonly type: 'log-text';
      readonly targetId: string;
      readonly text: string;
      readonly replace: boolean;
    }
  | { readonly type: 'log-status'; readonly targetId: string; readonly status: LogStatus }
  | { readonly type: 'command-done'; readonly id: number; readonly outcome: CommandOutcome };

export type Effect =
  | { readonly type: 'run-command'; readonly id: number; readonly command: ProcessCommand }
  /** getAllConfigInfo of a host, for a detail page. */
  | { readonly type: 'fetch-config'; readonly host: string }
  /** tssupervisor.getProcessDetail of the process whose page just opened. */
  | {
      readonly type: 'fetch-detail';
      readonly host: string;
      readonly namespec: string;
      readonly key: string;
    }
  | { readonly type: 'quit' };
