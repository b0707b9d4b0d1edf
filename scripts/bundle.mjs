// Bundles the daemon and the ctl into dist/bundle/, and the live web UI's front end into dist/ui/
// (run by `npm run build`, after tsc): starting
// one file instead of ~160 modules saves tens of milliseconds and some memory. The bundles sit two
// levels below the package root, like dist/daemon/main.js, so their import.meta.url-relative
// paths (../../package.json) still land where they should.

import { rmSync } from 'node:fs';

import { build } from 'esbuild';

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  outdir: 'dist/bundle',
  // blessed requires its widgets dynamically; pidusage stays a package like any other dependency;
  // koffi carries a native binary per platform, loaded lazily (src/platform/libc.ts).
  external: ['blessed', 'pidusage', 'koffi'],
  // CommonJS packages inlined into an ES module (commander) still call require() for builtins.
  banner: {
    js: "import { createRequire as __bundleCreateRequire } from 'node:module';\nconst require = __bundleCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
};

// Chunk names carry a hash: clear out the previous build's.
rmSync('dist/bundle', { recursive: true, force: true });
rmSync('dist/ui', { recursive: true, force: true });

await Promise.all([
  build({ ...common, entryPoints: { tssupervisord: 'src/daemon/main.ts' } }),
  // Split, so the dashboard (and blessed) load only when `tssupervisorctl dashboard` runs.
  build({
    ...common,
    entryPoints: { tssupervisorctl: 'src/ctl/main.ts' },
    splitting: true,
    chunkNames: 'ctl-[name]-[hash]',
  }),
  // The live web UI's front end: one file for the browser, which the daemon reads at startup
  // and serves as /ui/live-ui.js (src/web/live). No source map: the daemon serves one file.
  build({
    entryPoints: { 'live-ui': 'src/web/live/front/main.ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome100', 'firefox100', 'safari16'],
    minify: true,
    legalComments: 'none',
    outdir: 'dist/ui',
    logLevel: 'warning',
  }),
]);
