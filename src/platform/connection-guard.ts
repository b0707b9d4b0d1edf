// Keeps one HTTP server's connection ledger (connection-ledger.ts) on real sockets: each
// accepted socket is entered, what the ledger evicts or expires is destroyed (never left
// half-open), and one timer is armed for the next untrusted deadline.

import type http from 'node:http';
import type { Duplex } from 'node:stream';

import { createConnectionLedger, type ConnectionBudget } from './connection-ledger.js';

export interface ConnectionGuard {
  /** The service vouched for the connection of a request. */
  trust(socket: Duplex): void;
  requestStarted(socket: Duplex): void;
  requestEnded(socket: Duplex): void;
}

export const guardConnections = (
  server: http.Server,
  budget: ConnectionBudget,
): ConnectionGuard => {
  const ledger = createConnectionLedger<Duplex>(budget);
  let timer: NodeJS.Timeout | null = null;

  const destroyAll = (sockets: readonly Duplex[]): void => {
    for (const socket of sockets) {
      socket.destroy();
    }
  };
  const onDeadline = (): void => {
    timer = null;
    destroyAll(ledger.expire(performance.now()));
    arm();
  };
  const arm = (): void => {
    const nextMs = ledger.nextDeadlineMs();
    if (timer !== null || nextMs === null) {
      return;
    }
    // +1: fire just after the deadline, not just before it.
    timer = setTimeout(onDeadline, Math.max(0, nextMs - performance.now()) + 1);
    timer.unref();
  };

  server.on('connection', (socket: Duplex) => {
    destroyAll(ledger.opened(socket, performance.now()));
    socket.once('close', () => ledger.closed(socket));
    arm();
  });
  server.once('close', () => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
  });
  return {
    trust: (socket) => destroyAll(ledger.trust(socket)),
    requestStarted: (socket) => ledger.requestStarted(socket),
    requestEnded: (socket) => ledger.requestEnded(socket),
  };
};
