#!/usr/bin/env node
// A gunicorn-style web server for the demo: a master process that keeps WORKERS worker
// processes serving HTTP on PORT, replaces a worker that dies, and on SIGTERM stops them all.
import cluster from 'node:cluster';
import http from 'node:http';

const port = Number(process.env.PORT ?? 8765);
const workers = Number(process.env.WORKERS ?? 2);

if (cluster.isPrimary) {
  console.log(`[master ${process.pid}] listening on http://127.0.0.1:${port} with ${workers} workers`);
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.log(`[master] worker ${worker.process.pid} died (${signal ?? code}), booting a new one`);
    cluster.fork();
  });
  const stop = (sig) => {
    stopping = true;
    console.log(`[master] ${sig}: stopping workers`);
    for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
    setTimeout(() => process.exit(0), 200).unref();
    cluster.on('exit', () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} else {
  let served = 0;
  http
    .createServer((req, res) => {
      served++;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`hello from worker ${process.pid} (request ${served} here)\n`);
    })
    .listen(port, '127.0.0.1', () => console.log(`[worker ${process.pid}] booted`));
}
