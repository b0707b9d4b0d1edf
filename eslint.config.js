// Lint rules, including the import directions of DESIGN.md (checked per folder) and the
// seams: only platform/ and the entry files may read time, arm timers, spawn, exit or read env.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const layer = (name) => [`**/src/${name}/**`, `../${name}/**`, `../../${name}/**`];

/** The API: rpc/ serves it, protocol/ is its one home, client-text/ words its outcomes. */
const api = ['rpc', 'protocol', 'client-text'];
const shell = ['platform', 'daemon'];
const clients = ['ctl', 'dashboard'];
/** The web UI: served by the daemon (composition root wires it), imported by no other layer. */
const web = ['web'];

/** For each folder, the folders it may NOT import (DESIGN.md "Import directions"). */
const forbidden = {
  model: ['config', 'engine', 'logging', 'events', 'ports', ...api, ...shell, ...clients, ...web],
  config: ['engine', 'logging', 'events', 'ports', ...api, ...shell, ...clients, ...web],
  ports: ['config', 'engine', 'logging', 'events', ...api, ...shell, ...clients, ...web],
  events: ['config', 'engine', 'logging', ...api, ...shell, ...clients, ...web],
  engine: ['logging', ...api, ...shell, ...clients, ...web],
  logging: ['config', 'engine', ...api, ...shell, ...clients, ...web],
  // The server side of the API: it encodes with protocol/, never the other way round. The web
  // pages reach it as routes the composition root hands to the HTTP service.
  rpc: ['client-text', ...shell, ...clients, ...web],
  // The API's one home (wire structs, codec, client), for the server and every client alike;
  // config only for types (the config-info encoder's input), see the rule below.
  protocol: ['engine', 'logging', 'events', 'rpc', 'client-text', ...shell, ...clients, ...web],
  // What clients show for API outcomes, shared by ctl, dashboard and the web UI.
  'client-text': [
    'config',
    'engine',
    'logging',
    'events',
    'rpc',
    'ports',
    ...shell,
    ...clients,
    ...web,
  ],
  platform: ['engine', 'logging', 'events', ...api, 'daemon', ...clients, ...web],
  // Clients reach the daemon only through protocol/ and share nothing with one another.
  ctl: ['engine', 'logging', 'events', 'rpc', ...shell, 'dashboard', ...web],
  dashboard: ['config', 'engine', 'logging', 'events', 'rpc', ...shell, 'ctl', ...web],
  // The web pages act through the supervisor.* API (protocol/, called in-process) and answer
  // with rpc/'s HTTP shapes; never the engine, the logs or the config behind them.
  web: ['config', 'engine', 'logging', 'events', ...shell, ...clients],
};

const sideEffectModules = [
  'node:child_process',
  'child_process',
  'node:fs',
  'fs',
  'node:fs/promises',
  'fs/promises',
  'node:net',
  'net',
  'node:http',
  'http',
  'node:timers',
  'timers',
];

const layerRules = Object.entries(forbidden).map(([name, banned]) => ({
  files: [`src/${name}/**/*.ts`],
  // Entry files are composition roots: they wire platform/ into their layer (see below).
  ignores: ['src/**/*.test.ts', 'src/*/main.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: banned.flatMap(layer),
            message: `src/${name} may not import this layer (see DESIGN.md, import directions).`,
          },
          ...(name === 'platform'
            ? []
            : [
                {
                  group: sideEffectModules,
                  message:
                    'Only src/platform (and entry files) may touch fs, net, timers or child_process.',
                },
              ]),
        ],
      },
    ],
  },
}));

const seamBans = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'Read time through the Clock port.',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Read time through the Clock port.',
  },
  {
    selector: "MemberExpression[object.name='performance'][property.name='now']",
    message: 'Read time through the Clock port.',
  },
  {
    selector: 'CallExpression[callee.name=/^(setTimeout|setInterval|setImmediate)$/]',
    message: 'Arm timers through the Clock port.',
  },
  {
    selector:
      "MemberExpression[object.name='process'][property.name=/^(kill|exit|env|umask|chdir)$/]",
    message: 'Only platform/ and entry files may use this.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'bin/**',
      'conf.d/**',
      'test/fixtures/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': [
        'error',
        { allowConstantLoopConditions: true },
      ],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      'import-x/no-cycle': 'error',
      curly: 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'prefer-const': 'error',
      'no-console': 'error',
      'max-params': ['warn', 4],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/platform/**', 'src/**/main.ts', 'src/**/*.test.ts'],
    rules: { 'no-restricted-syntax': ['error', ...seamBans] },
  },
  ...layerRules,
  {
    // protocol/ may name config's types (the config-info encoder's input), never its code.
    files: ['src/protocol/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: layer('config'),
              allowTypeImports: true,
              message: 'src/protocol may import only types from src/config.',
            },
          ],
        },
      ],
    },
  },
  {
    // The live UI's front end runs in the browser: it reaches the daemon only over the API
    // (protocol/, through fetch), never the daemon's layers, node's modules or rpc/.
    files: ['src/web/live/front/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'config',
                'engine',
                'logging',
                'events',
                'ports',
                'rpc',
                'platform',
                'daemon',
                'ctl',
                'dashboard',
              ].flatMap((name) => [...layer(name), `../../../${name}/**`]),
              message: 'The browser front end reaches the daemon only over the API (src/protocol).',
            },
            { group: ['node:*'], message: 'The front end runs in a browser.' },
          ],
        },
      ],
    },
  },
  {
    // Client entry files may wire platform/ and protocol/, never the daemon's internals.
    files: ['src/ctl/main.ts', 'src/dashboard/main.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['engine', 'logging', 'events', 'rpc', 'daemon'].flatMap(layer),
              message: 'A client reaches the daemon only over the API (src/protocol).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/**/main.ts', 'src/ctl/render/**', 'test/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.test.ts', 'test/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
