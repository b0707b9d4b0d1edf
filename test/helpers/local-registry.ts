// A throwaway npm registry on 127.0.0.1 serving the packages already in a node_modules folder
// (one version each, as installed), so a test can run a real `npm install` of our tarball with
// no network and no dependence on what the npm cache happens to hold. Unknown names are 404s.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface LocalRegistry {
  /** e.g. http://127.0.0.1:41234/ */
  readonly url: string;
  /** The names npm asked for a packument, in order: what the install needed. */
  readonly requested: readonly string[];
  close(): Promise<void>;
}

/** `/blessed`, `/@koromix%2fkoffi-linux-x64`, `/-/blessed.tgz`… → the package name. */
const packageName = (path: string): string => decodeURIComponent(path.slice(1));

/** A package folder as npm publishes it: a gzipped tar with everything under `package/`. */
const tarball = (dir: string): Buffer =>
  execFileSync('tar', ['-czf', '-', '--transform', 's,^\\.,package,', '-C', dir, '.'], {
    maxBuffer: 256 * 1024 * 1024,
  });

export const startLocalRegistry = async (nodeModules: string): Promise<LocalRegistry> => {
  const requested: string[] = [];
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?', 1)[0] ?? '/';
    const isTarball = path.startsWith('/-/') && path.endsWith('.tgz');
    const name = isTarball ? packageName(path.slice(2, -'.tgz'.length)) : packageName(path);
    const dir = join(nodeModules, name);
    if (name.includes('..') || !existsSync(join(dir, 'package.json'))) {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found"}');
      return;
    }
    if (isTarball) {
      response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(tarball(dir));
      return;
    }
    requested.push(name);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      version: string;
    };
    const packument = {
      name,
      'dist-tags': { latest: manifest.version },
      versions: {
        [manifest.version]: {
          ...manifest,
          dist: { tarball: `${url}-/${encodeURIComponent(name)}.tgz` },
        },
      },
    };
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(packument));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    requested,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
