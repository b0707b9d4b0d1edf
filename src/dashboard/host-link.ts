// Each daemon the dashboard shows, as the dashboard knows it: its name in the fleet ('' for the
// single daemon), its address, whether it answers, which of our methods it serves, and its
// clock's offset from ours. Pure data and the keys that tell one host's processes from another's.

export type Connection =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'up' }
  | {
      readonly kind: 'lost';
      readonly reason: string;
      /** local wall ms of the first failure */
      readonly sinceMs: number;
      readonly attempts: number;
    };

/** Whether the daemon serves one of our tssupervisor.* methods (supervisord does not). */
export type Support = 'unknown' | 'yes' | 'no';

/** What rests on one of them: the long-poll, the figures, readiness and liveness, details. */
export type Feature = 'events' | 'stats' | 'health' | 'detail';

export interface HostLink {
  /** The fleet's name for it (`web1`); '' when the dashboard shows one daemon. */
  readonly name: string;
  /** As the user gave it, for the header and messages. */
  readonly serverUrl: string;
  readonly connection: Connection;
  readonly support: Readonly<Record<Feature, Support>>;
  /** The daemon's wall clock minus ours, from the `now` of its last answer. */
  readonly serverOffsetMs: number;
  /** Whether it has sent its process list since it was last reached. */
  readonly loaded: boolean;
}

/** A daemon as the composition root hands it over: its fleet name and its address. */
export interface HostAddress {
  readonly name: string;
  readonly serverUrl: string;
}

export const newHostLink = ({ name, serverUrl }: HostAddress): HostLink => ({
  name,
  serverUrl,
  connection: { kind: 'connecting' },
  support: { events: 'unknown', stats: 'unknown', health: 'unknown', detail: 'unknown' },
  serverOffsetMs: 0,
  loaded: false,
});

/**
 * A process's (or group's) key among every host's: `group:name` on the single daemon,
 * `host:group:name` in a fleet — the name tssupervisorctl takes for it there, too.
 */
export const hostKey = (host: string, key: string): string =>
  host === '' ? key : `${host}:${key}`;

/** Whether `key` (a hostKey) is one of `host`'s: on the single daemon, every key is. */
export const isHostKey = (host: string, key: string): boolean =>
  host === '' || key.startsWith(`${host}:`);
