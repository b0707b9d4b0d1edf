// The pool-level options of an [eventlistener:x] section (priority, buffer_size, result_handler,
// events, redirect_stderr) and the reference's checks on them.

import { configError } from './errors.js';
import { EVENT_TYPE_NAMES } from './event-types.js';
import { iniGet } from './ini.js';
import { sectionContext, type LoadContext } from './load-context.js';
import { readOptions } from './read-options.js';
import { EVENTLISTENER_POOL_OPTIONS } from './schema.js';
import type { ConfigError, EventListenerSettings } from './types.js';

/** The result handlers tssupervisor implements (the reference imports any Python callable). */
const RESULT_HANDLERS = new Set(['supervisor.dispatchers:default_handler']);

export type PoolResult =
  | { readonly ok: true; readonly priority: number; readonly settings: EventListenerSettings }
  | { readonly ok: false; readonly errors: readonly ConfigError[] };

export const readEventListenerPool = (ctx: LoadContext, section: string): PoolResult => {
  const sectionCtx = sectionContext(ctx, section);
  const read = readOptions(EVENTLISTENER_POOL_OPTIONS, sectionCtx);
  if (!read.ok) {
    return read;
  }
  const fail = (option: string, message: string): PoolResult => {
    const found = iniGet(ctx.doc, section, option);
    const at = found ?? { file: sectionCtx.file, line: sectionCtx.line };
    const place = { file: at.file, line: at.line, section, option, value: found?.text ?? null };
    return { ok: false, errors: [configError(place, message)] };
  };
  const values = read.values;
  if (values.buffer_size < 1) {
    return fail(
      'buffer_size',
      `[${section}] section sets invalid buffer_size (${values.buffer_size})`,
    );
  }
  const handler = values.result_handler;
  if (!RESULT_HANDLERS.has(handler.trim().replace(/\s*:\s*/, ':'))) {
    return fail('result_handler', `${handler} cannot be resolved within [${section}]`);
  }
  const events = [...new Set(values.events.map((e) => e.toUpperCase()))];
  if (events.length === 0) {
    return fail('events', `[${section}] section requires an "events" line`);
  }
  const unknown = events.find((e) => !EVENT_TYPE_NAMES.has(e));
  if (unknown !== undefined) {
    return fail('events', `Unknown event type ${unknown} in [${section}] events`);
  }
  if (values.redirect_stderr) {
    return fail(
      'redirect_stderr',
      `[${section}] section sets redirect_stderr=true but this is not allowed because it will interfere with the eventlistener protocol`,
    );
  }
  return {
    ok: true,
    priority: values.priority,
    settings: { events, bufferSize: values.buffer_size, resultHandler: handler },
  };
};
