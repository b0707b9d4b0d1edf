// The live UI's entry point in the browser (bundled to dist/ui/live-ui.js): the browser's clock
// and timers, fetch() for the API and the log streams, then the app on #app.

import { supervisorApi } from '../../../protocol/supervisor-api.js';
import { tssupervisorApi } from '../../../protocol/tssupervisor-api.js';
import { fetchCaller, type Fetch } from './fetch-caller.js';
import { startLiveApp } from './live-app.js';
import type { UiClock } from './ui-clock.js';

const clock: UiClock = {
  nowMs: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    }),
  every: (ms, tick) => {
    const timer = setInterval(tick, ms);
    return () => clearInterval(timer);
  },
};

const fetchFn: Fetch = (url, init) => fetch(url, init);
const caller = fetchCaller(fetchFn, new AbortController().signal);
const root = document.getElementById('app');
if (root !== null) {
  startLiveApp({
    root,
    supervisor: supervisorApi(caller),
    tssupervisor: tssupervisorApi(caller),
    clock,
    fetch: fetchFn,
  });
}
