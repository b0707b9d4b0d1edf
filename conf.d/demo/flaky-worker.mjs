#!/usr/bin/env node
// A background job runner for the demo that crashes now and then, so you can watch the
// supervisor restart it: it "processes" a job every second and fails at random after a while.
let job = 0;
const lifetimeMs = 5000 + Math.floor(Math.random() * 10000);
console.log(`[jobs ${process.pid}] started, will crash in about ${Math.round(lifetimeMs / 1000)} s`);
setInterval(() => console.log(`[jobs ${process.pid}] processed job #${++job}`), 1000);
setTimeout(() => {
  console.error(`[jobs ${process.pid}] Error: lost connection to the job queue`);
  process.exit(1);
}, lifetimeMs);
