// Who may hold a connection to one HTTP server (pure): connections nobody has vouched for yet
// ("untrusted") have a small budget, evicted oldest first, and a deadline; trusted ones have
// their own larger budget, from which only the longest-idle one is ever evicted.

export interface ConnectionBudget {
  /** Untrusted connections open at once; the oldest is evicted to admit a newcomer. */
  readonly untrusted: number;
  /** Trusted connections open at once; the longest-idle one makes room for a newly trusted. */
  readonly trusted: number;
  /** How long a connection may stay untrusted before it is closed. */
  readonly untrustedTimeoutMs: number;
}

export interface LedgerCounts {
  readonly untrusted: number;
  readonly trusted: number;
}

/** What the shell must do: every connection listed is already out of the ledger; close it. */
export type Evictions<C> = readonly C[];

export interface ConnectionLedger<C> {
  /** A connection was accepted. It starts untrusted; room is made by evicting the oldest. */
  opened(connection: C, nowMs: number): Evictions<C>;
  /**
   * The service vouched for the connection. When the trusted budget is full, the trusted
   * connection idle longest is evicted; when every trusted one is busy, it stays untrusted.
   */
  trust(connection: C): Evictions<C>;
  requestStarted(connection: C): void;
  requestEnded(connection: C): void;
  closed(connection: C): void;
  /** The untrusted connections whose deadline has passed. */
  expire(nowMs: number): Evictions<C>;
  /** When the next untrusted deadline falls, or null with no untrusted connection. */
  nextDeadlineMs(): number | null;
  counts(): LedgerCounts;
}

export const createConnectionLedger = <C>(budget: ConnectionBudget): ConnectionLedger<C> => {
  /** Untrusted connections → deadline, in the order they were opened (= deadline order). */
  const untrusted = new Map<C, number>();
  const trusted = new Set<C>();
  /** Trusted connections with no request in progress, longest idle first. */
  const idleTrusted = new Set<C>();
  /** Requests in progress per connection (absent = none). */
  const busy = new Map<C, number>();

  const forget = (connection: C): void => {
    untrusted.delete(connection);
    trusted.delete(connection);
    idleTrusted.delete(connection);
    busy.delete(connection);
  };

  const evictOldestUntrusted = (): C | undefined => {
    const oldest = firstOf(untrusted.keys());
    if (oldest !== undefined) {
      forget(oldest);
    }
    return oldest;
  };

  return {
    opened: (connection, nowMs) => {
      if (untrusted.has(connection) || trusted.has(connection)) {
        return [];
      }
      const evicted: C[] = [];
      while (untrusted.size >= Math.max(1, budget.untrusted)) {
        const oldest = evictOldestUntrusted();
        if (oldest === undefined) {
          break;
        }
        evicted.push(oldest);
      }
      untrusted.set(connection, nowMs + budget.untrustedTimeoutMs);
      return evicted;
    },
    trust: (connection) => {
      if (!untrusted.has(connection)) {
        return [];
      }
      const evicted: C[] = [];
      if (trusted.size >= Math.max(1, budget.trusted)) {
        const longestIdle = firstOf(idleTrusted.values());
        if (longestIdle === undefined) {
          return [];
        }
        forget(longestIdle);
        evicted.push(longestIdle);
      }
      untrusted.delete(connection);
      trusted.add(connection);
      if (!busy.has(connection)) {
        idleTrusted.add(connection);
      }
      return evicted;
    },
    requestStarted: (connection) => {
      if (!untrusted.has(connection) && !trusted.has(connection)) {
        return;
      }
      busy.set(connection, (busy.get(connection) ?? 0) + 1);
      idleTrusted.delete(connection);
    },
    requestEnded: (connection) => {
      const requests = busy.get(connection);
      if (requests === undefined) {
        return;
      }
      if (requests > 1) {
        busy.set(connection, requests - 1);
        return;
      }
      busy.delete(connection);
      if (trusted.has(connection)) {
        idleTrusted.add(connection);
      }
    },
    closed: forget,
    expire: (nowMs) => {
      const expired: C[] = [];
      for (const [connection, deadlineMs] of untrusted) {
        if (deadlineMs > nowMs) {
          break;
        }
        expired.push(connection);
      }
      expired.forEach(forget);
      return expired;
    },
    nextDeadlineMs: () => firstOf(untrusted.values()) ?? null,
    counts: () => ({ untrusted: untrusted.size, trusted: trusted.size }),
  };
};

const firstOf = <T>(values: IterableIterator<T>): T | undefined => {
  const next = values.next();
  return next.done === true ? undefined : next.value;
};

/**
 * The budget actually used: the configured one, shrunk when the process may open few files so
 * that connections to one server can take at most a quarter (trusted) plus a sixteenth
 * (untrusted) of them, leaving the rest to children's pipes and log files.
 */
export const budgetWithinFdLimit = (
  wanted: ConnectionBudget,
  fdLimit: number | null,
): ConnectionBudget =>
  fdLimit === null || !Number.isFinite(fdLimit)
    ? wanted
    : {
        ...wanted,
        untrusted: Math.min(wanted.untrusted, Math.max(16, Math.floor(fdLimit / 16))),
        trusted: Math.min(wanted.trusted, Math.max(64, Math.floor(fdLimit / 4))),
      };
