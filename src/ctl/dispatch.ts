// Runs one command line in a session: finds the verb, reports unknown syntax, turns anything a
// command let through into one `error:` line (exit 1), and handles a 401 as supervisorctl does.
// In a fleet, a verb runs its fleet form; a verb that has none is refused (exit 2).

import { RpcClientError } from '../protocol/client-error.js';
import type { CommandResult } from './commands/command.js';
import { EXIT } from './exit-codes.js';
import { fleetHostNames } from './fleet/fleet-hosts.js';
import { parseLine } from './line-parse.js';
import { renderErrorLine } from './render/failure.js';
import type { Session } from './session.js';

const isUnauthorized = (error: unknown): boolean =>
  error instanceof RpcClientError &&
  error.failure.kind === 'http-status' &&
  error.failure.status === 401;

/** In the shell, asks for credentials; false when the user gave up (Ctrl-C / Ctrl-D). */
const askCredentials = async (session: Session): Promise<boolean> => {
  const username = await session.ask('Username:');
  if (username.kind !== 'line') {
    return false;
  }
  const password = await session.askSecret('Password:');
  if (password.kind !== 'line') {
    return false;
  }
  session.out('');
  session.setCredentials(username.text, password.text);
  return true;
};

/** `status --json web`: the flag may also follow the verb, where people naturally type it. */
const takeJsonFlag = (arg: string): { arg: string; json: boolean } => {
  const words = arg.split(/\s+/).filter((w) => w !== '');
  const rest = words.filter((w) => w !== '--json');
  return { arg: rest.join(' '), json: rest.length !== words.length };
};

export const runLine = async (session: Session, raw: string): Promise<CommandResult> => {
  const parsed = parseLine(raw);
  if (parsed.kind === 'empty') {
    return undefined;
  }
  const command =
    parsed.kind === 'command' ? session.commands.find((c) => c.name === parsed.verb) : undefined;
  if (parsed.kind === 'no-verb' || command === undefined) {
    session.out(`*** Unknown syntax: ${parsed.line}`);
    session.setExitStatus(EXIT.GENERIC);
    return undefined;
  }
  const { arg, json } =
    command.json === true ? takeJsonFlag(parsed.arg) : { arg: parsed.arg, json: false };
  const { fleet } = session;
  if (fleet !== null && command.local !== true && command.runFleet === undefined) {
    session.note(
      `Error: ${command.name} works on one server, and this is a fleet (${fleetHostNames(fleet.hosts)}): pick one with --host NAME`,
    );
    session.setExitStatus(EXIT.INVALID_ARGS);
    return undefined;
  }
  const ctx = json && !session.json ? session.withJson() : session;
  try {
    return fleet !== null && command.runFleet !== undefined
      ? await command.runFleet(ctx, fleet, arg)
      : await command.run(ctx, arg);
  } catch (error) {
    if (isUnauthorized(error)) {
      session.note('Server requires authentication');
      if (session.interactive && (await askCredentials(session))) {
        return runLine(session, raw);
      }
      session.setExitStatus(EXIT.GENERIC);
      return undefined;
    }
    session.note(renderErrorLine(error, session.serverUrl));
    session.setExitStatus(EXIT.GENERIC);
    return undefined;
  }
};
