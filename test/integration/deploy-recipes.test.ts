// deploy/: what can be checked without a container runtime or a cluster. The Dockerfile's files
// exist and its commands are the ones docs/docker.md shows; the compose file and the Kubernetes
// manifests parse and pass a schema of the fields they use; the Nomad job parses (python3-pyhcl);
// and all three agree with the container's config: ports, probe paths, the password variable,
// and a grace period above the slowest orderly shutdown the daemon itself reports.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, parse as parseYaml } from 'yaml';

import { DAEMON_BIN, REPO_ROOT } from '../helpers/daemon-harness.js';
import { copyOf, execForm, readDockerfile } from '../helpers/dockerfile.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const repo = (path: string): string => resolve(REPO_ROOT, path);
const read = (path: string): string => readFileSync(repo(path), 'utf8');

const DOCKERFILE = readDockerfile(read('deploy/docker/Dockerfile'));
const CONFIG = read('deploy/app/supervisord.conf');
const NGINX = read('deploy/app/nginx.conf');

/** docs/docker.md with continuation lines joined, as the Dockerfile's are when read. */
const dockerDocs = (): string => read('docs/docker.md').replace(/\s*\\\n\s*/g, ' ');

const only = (keyword: string): string => {
  const found = DOCKERFILE.filter((i) => i.keyword === keyword);
  expect(found, `one ${keyword} in the Dockerfile`).toHaveLength(1);
  return found[0]?.rest ?? '';
};

/** Environment variables the container's config expands (`%(ENV_X)s`). */
const configEnvNames = [...CONFIG.matchAll(/%\(ENV_(\w+)\)s/g)].map((m) => m[1]);
const inetPort = Number(/^\[inet_http_server\]\nport=[^:\n]*:(\d+)$/m.exec(CONFIG)?.[1]);
const nginxPort = Number(/^\s*listen (\d+);$/m.exec(NGINX)?.[1]);

/**
 * The slowest orderly shutdown, as the daemon itself reads the config: Σ stopwaitsecs (groups
 * stop one after another). Checked where the image has it: beside the run/ its RUN line makes.
 */
const slowestShutdownSeconds = (): number => {
  const dir = makeTempDir();
  try {
    mkdirSync(dir.join('run'));
    writeFileSync(dir.join('supervisord.conf'), CONFIG);
    const checked = spawnSync(
      process.execPath,
      [DAEMON_BIN, '--check-config', '-c', dir.join('supervisord.conf')],
      { encoding: 'utf8', env: { ...process.env, TSSUPERVISOR_PASSWORD: 'x' } },
    );
    expect(checked.status, checked.stderr).toBe(0);
    const waits = [...checked.stdout.matchAll(/stopwaitsecs=(\d+)/g)].map((m) => Number(m[1]));
    expect(waits).toHaveLength(2);
    return waits.reduce((a, b) => a + b, 0);
  } finally {
    dir.remove();
  }
};
/** Time for the daemon to close its servers and exit after the last program stopped. */
const MARGIN_SECONDS = 5;

const seconds = (duration: string): number => {
  const match = /^(\d+)(s|m)$/.exec(duration);
  if (match === null) {
    throw new Error(`not a duration in s or m: ${duration}`);
  }
  return Number(match[1]) * (match[2] === 'm' ? 60 : 1);
};

const validate = (schemaPath: string, value: unknown): string => {
  const ajv = new Ajv({ allErrors: true });
  const check = ajv.compile(JSON.parse(read(schemaPath)) as object);
  return check(value) ? 'valid' : ajv.errorsText(check.errors);
};

describe('deploy/docker/Dockerfile', () => {
  it('copies only files that exist in the build context (the repository)', () => {
    const copies = DOCKERFILE.filter((i) => i.keyword === 'COPY').map((i) => copyOf(i.rest));
    const fromContext = copies.filter((c) => !c.flags.has('from'));
    expect(fromContext.length).toBeGreaterThan(2);
    const ignored = read('deploy/docker/Dockerfile.dockerignore')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'));
    for (const copy of fromContext) {
      for (const source of copy.sources) {
        if (source === '.') {
          continue;
        }
        expect(existsSync(repo(source)), source).toBe(true);
        expect(
          ignored.some((pattern) => source.startsWith(pattern)),
          source,
        ).toBe(false);
      }
    }
    // What a later stage copies from an earlier one, that stage makes.
    const stages = DOCKERFILE.filter((i) => i.keyword === 'FROM').map(
      (i) => i.rest.split(' AS ')[1],
    );
    for (const copy of copies.filter((c) => c.flags.has('from'))) {
      expect(stages).toContain(copy.flags.get('from'));
      const made = DOCKERFILE.filter((i) => i.keyword === 'RUN').some((i) =>
        copy.sources.every((source) => i.rest.includes(source)),
      );
      expect(made, copy.sources.join(' ')).toBe(true);
    }
  });

  it('installs the Debian packages the deployment test runs against (scripts/install-deps.sh)', () => {
    const tested = [...read('scripts/install-deps.sh').matchAll(/need\+=\(([\w.-]+)\)/g)].map(
      (m) => m[1],
    );
    const install = DOCKERFILE.find(
      (i) => i.keyword === 'RUN' && i.rest.includes('apt-get install'),
    );
    const packages = (/--no-install-recommends ([\w .-]+?) &&/.exec(install?.rest ?? '')?.[1] ?? '')
      .split(' ')
      .filter((word) => word !== '');
    expect(packages).toEqual(['gunicorn', 'python3-flask', 'nginx']);
    for (const name of packages) {
      expect(tested).toContain(name);
    }
  });

  it('runs tssupervisord as PID 1 in exec form on the config it copies, as docs/docker.md says', () => {
    const entrypoint = execForm(only('ENTRYPOINT'));
    expect(entrypoint).toEqual(['tssupervisord', '-n', '-c', '/app/supervisord.conf']);
    const configCopy = DOCKERFILE.filter((i) => i.keyword === 'COPY')
      .map((i) => copyOf(i.rest))
      .find((c) => c.sources.includes('deploy/app/supervisord.conf'));
    expect(configCopy?.destination).toBe('/app/');
    expect(DOCKERFILE.some((i) => i.keyword === 'CMD')).toBe(false);

    const docs = dockerDocs();
    expect(docs).toContain(`ENTRYPOINT ${only('ENTRYPOINT')}`);
    const build = /^#\s+(docker build .*)$/m.exec(read('deploy/docker/Dockerfile'))?.[1];
    expect(build).toBeDefined();
    expect(docs).toContain(build);
  });

  it('stops with a signal the daemon shuts down on, and checks /readyz on the daemon port', () => {
    expect(['SIGTERM', 'SIGINT', 'SIGQUIT']).toContain(only('STOPSIGNAL'));
    const [options = '', command = ''] = only('HEALTHCHECK').split(/ CMD (?=\[)/);
    expect(options).toMatch(/--start-period=\d+s/);
    const argv = execForm(command);
    expect(argv[0]).toBe('node');
    expect(argv.join(' ')).toContain(`http://127.0.0.1:${inetPort}/readyz`);
    expect(dockerDocs()).toContain(`HEALTHCHECK ${only('HEALTHCHECK')}`);
    expect(only('EXPOSE').split(' ').map(Number)).toEqual([nginxPort, inetPort]);
  });
});

describe('deploy/docker/compose.yaml', () => {
  const compose = parseYaml(read('deploy/docker/compose.yaml')) as {
    services: Record<string, Record<string, unknown>>;
  };

  it('passes the schema of the fields it uses', () => {
    expect(validate('test/fixtures/schemas/compose.schema.json', compose)).toBe('valid');
  });

  it('builds the Dockerfile from the repository, publishes its ports, passes the password, waits long enough', () => {
    const service = compose.services['myapp'] as {
      build: { context: string; dockerfile: string };
      image: string;
      ports: string[];
      environment: Record<string, string>;
      stop_grace_period: string;
    };
    const context = resolve(REPO_ROOT, 'deploy/docker', service.build.context);
    expect(`${context}/`).toBe(REPO_ROOT);
    expect(resolve(context, service.build.dockerfile)).toBe(repo('deploy/docker/Dockerfile'));
    expect(service.ports.map((p) => Number(p.split(':').pop()))).toEqual([nginxPort, inetPort]);
    expect(Object.keys(service.environment)).toEqual(configEnvNames);
    expect(seconds(service.stop_grace_period)).toBeGreaterThanOrEqual(
      slowestShutdownSeconds() + MARGIN_SECONDS,
    );
  });
});

describe('deploy/kubernetes/myapp.yaml', () => {
  const documents = parseAllDocuments(read('deploy/kubernetes/myapp.yaml')).map((d) => {
    expect(d.errors).toEqual([]);
    return d.toJS() as Record<string, unknown>;
  });
  const [deployment, service] = documents as unknown as [DeploymentShape, ServiceShape];

  interface Probe {
    httpGet: { path: string; port: string | number };
  }
  interface DeploymentShape {
    spec: {
      selector: { matchLabels: Record<string, string> };
      template: {
        metadata: { labels: Record<string, string> };
        spec: {
          terminationGracePeriodSeconds: number;
          containers: {
            image: string;
            ports: { name: string; containerPort: number }[];
            env: { name: string }[];
            livenessProbe: Probe;
            readinessProbe: Probe;
          }[];
        };
      };
    };
  }
  interface ServiceShape {
    spec: { selector: Record<string, string>; ports: { targetPort: string | number }[] };
  }

  it('is a Deployment and a Service, each passing the schema of the fields it uses', () => {
    expect(documents.map((d) => d['kind'])).toEqual(['Deployment', 'Service']);
    expect(validate('test/fixtures/schemas/kubernetes-deployment.schema.json', deployment)).toBe(
      'valid',
    );
    expect(validate('test/fixtures/schemas/kubernetes-service.schema.json', service)).toBe('valid');
  });

  it('probes /healthz (liveness) and /readyz (readiness) on the daemon port; the Service reaches nginx', () => {
    const { selector, template } = deployment.spec;
    expect(template.metadata.labels).toMatchObject(selector.matchLabels);
    expect(template.metadata.labels).toMatchObject(service.spec.selector);
    const [container] = template.spec.containers;
    const portNumber = (ref: string | number): number | undefined =>
      typeof ref === 'number' ? ref : container?.ports.find((p) => p.name === ref)?.containerPort;
    expect(container?.livenessProbe.httpGet.path).toBe('/healthz');
    expect(portNumber(container?.livenessProbe.httpGet.port ?? '')).toBe(inetPort);
    expect(container?.readinessProbe.httpGet.path).toBe('/readyz');
    expect(portNumber(container?.readinessProbe.httpGet.port ?? '')).toBe(inetPort);
    expect(service.spec.ports.map((p) => portNumber(p.targetPort))).toEqual([nginxPort]);
    expect(container?.env.map((e) => e.name)).toEqual(configEnvNames);
  });

  it('gives the pod more than the slowest orderly shutdown: terminationGracePeriodSeconds ≥ Σ stopwaitsecs + 5', () => {
    expect(deployment.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(
      slowestShutdownSeconds() + MARGIN_SECONDS,
    );
  });
});

describe('deploy/nomad/myapp.nomad.hcl', () => {
  /** The job as HCL reads it (Debian's python3-pyhcl): blocks become objects keyed by label. */
  const parsed = spawnSync(
    '/usr/bin/python3',
    ['-c', 'import hcl, json, sys; print(json.dumps(hcl.load(sys.stdin)))'],
    { input: read('deploy/nomad/myapp.nomad.hcl'), encoding: 'utf8' },
  );
  /** One block or several: always a list. */
  const all = <T>(value: T | T[] | undefined): T[] =>
    value === undefined ? [] : Array.isArray(value) ? value : [value];

  interface Check {
    type: string;
    path: string;
    port?: string;
    check_restart?: { limit: number };
  }
  interface Group {
    network: { port: Record<string, { to: number }> | Record<string, { to: number }>[] };
    service: { port: string; provider: string; check: Check } | { port: string; check: Check }[];
    task: Record<
      string,
      {
        driver: string;
        kill_signal: string;
        kill_timeout: string;
        config: { image: string; ports: string[] };
        template: { data: string; env: boolean };
      }
    >;
  }

  it('parses, as one service job with one group and one docker task', () => {
    expect(parsed.error).toBeUndefined();
    expect(parsed.status, parsed.stderr).toBe(0);
    const job = (
      JSON.parse(parsed.stdout) as { job: Record<string, { type: string; group: object }> }
    ).job;
    expect(Object.keys(job)).toEqual(['myapp']);
    expect(job['myapp']?.type).toBe('service');
    expect(Object.keys(job['myapp']?.group ?? {})).toEqual(['web']);
  });

  it('checks /readyz and /healthz on the daemon port, restarts on /healthz only, and waits long enough to kill', () => {
    const job = JSON.parse(parsed.stdout) as { job: { myapp: { group: { web: Group } } } };
    const group = job.job.myapp.group.web;
    const ports = Object.assign({}, ...all(group.network.port)) as Record<string, { to: number }>;
    const checks = all(group.service).map((s) => ({ ...s.check, port: s.check.port ?? s.port }));
    const byPath = (path: string): Check | undefined => checks.find((c) => c.path === path);
    expect(byPath('/readyz')?.type).toBe('http');
    expect(ports[byPath('/readyz')?.port ?? '']?.to).toBe(inetPort);
    expect(byPath('/readyz')?.check_restart).toBeUndefined();
    expect(byPath('/healthz')?.type).toBe('http');
    expect(ports[byPath('/healthz')?.port ?? '']?.to).toBe(inetPort);
    expect(byPath('/healthz')?.check_restart?.limit).toBeGreaterThan(0);
    const serviceOfNginx = all(group.service).find((s) => ports[s.port]?.to === nginxPort);
    expect(serviceOfNginx).toBeDefined();

    const tasks = Object.values(group.task);
    expect(tasks).toHaveLength(1);
    const [task] = tasks;
    expect(task?.driver).toBe('docker');
    expect(task?.kill_signal).toBe(only('STOPSIGNAL'));
    expect(seconds(task?.kill_timeout ?? '')).toBeGreaterThanOrEqual(
      slowestShutdownSeconds() + MARGIN_SECONDS,
    );
    expect(task?.config.ports.map((name) => ports[name]?.to)).toEqual([nginxPort, inetPort]);
    expect(task?.template.env).toBe(true);
    expect(task?.template.data).toMatch(new RegExp(`^${configEnvNames[0]}=`));
  });
});

describe('one image everywhere', () => {
  it('compose builds the image that Kubernetes and Nomad run', () => {
    const image = (
      parseYaml(read('deploy/docker/compose.yaml')) as {
        services: { myapp: { image: string } };
      }
    ).services.myapp.image;
    expect(read('deploy/kubernetes/myapp.yaml')).toContain(`image: ${image}\n`);
    expect(read('deploy/nomad/myapp.nomad.hcl')).toContain(`image = "${image}"`);
    expect(read('deploy/docker/Dockerfile')).toContain(`-t ${image} .`);
  });
});
