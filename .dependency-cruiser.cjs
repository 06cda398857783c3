/**
 * The rules of the layout (docs/architecture.md), checked by `npm run lint` (`npm run deps`).
 *
 * Layers, highest first: tools and test > apps > @app/runtime > @app/read-models, @app/event-store
 * > @app/domain. Inside apps/api/src the folders are layered too (API_LAYERS below). A violation that
 * predates a rule is listed in .dependency-cruiser-known-violations.json (regenerate it with
 * `npm run deps:baseline` only when you remove some): a new one fails the lint.
 */

/** apps/api/src folders, highest first: a folder imports only folders after it. */
const API_LAYERS = [
  'http',
  'graphql',
  'agency',
  'age-out',
  'rolls',
  'standards',
  'read-models',
  'audit',
  'cases',
  'command',
  'auth',
  'validation',
  'errors',
];

/** Only adapters talk to a database or a transport. */
const DRIVERS = '^(better-sqlite3|pg|pg-[a-z-]+|@eventstore/db-client|@grpc/[a-z-]+)$';
const ADAPTERS =
  '/(sqlite|postgres|esdb|grpc)/|-access-log\\.store\\.ts$|^tools/bench/(figures|support)/';

const layerRules = API_LAYERS.map((folder, i) => ({
  name: `api-layer-${folder}`,
  comment: `apps/api/src/${folder} imports only folders below it (${API_LAYERS.slice(i + 1).join(', ') || 'none'})`,
  severity: 'error',
  from: { path: `^apps/api/src/${folder}/` },
  to: {
    path: `^apps/api/src/(${API_LAYERS.slice(0, i + 1).join('|')})/`,
    pathNot: `^apps/api/src/${folder}/`,
  },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'no import cycles, type-only imports included',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-app-imports-another-app',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-app-imports-a-tool',
      severity: 'error',
      from: { path: '^(apps|libs)/' },
      to: { path: '^(tools|test)/' },
    },
    {
      name: 'no-tool-imports-an-app',
      comment: 'tools use the libs (@app/*), never an app src',
      severity: 'error',
      from: { path: '^tools/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-lib-imports-an-app',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'libs-layered',
      comment: 'runtime > read-models, event-store > domain; nothing imports upwards',
      severity: 'error',
      from: { path: '^libs/(domain|event-store|read-models)/' },
      to: { path: '^libs/runtime/' },
    },
    {
      name: 'event-store-below-read-models',
      severity: 'error',
      from: { path: '^libs/(domain|event-store)/' },
      to: { path: '^libs/read-models/' },
    },
    {
      name: 'domain-is-the-bottom',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { path: '^libs/(event-store|read-models|runtime)/' },
    },
    {
      name: 'domain-imports-no-framework-and-no-io',
      comment: 'libs/domain is pure: no Nest, no driver, no file system, network or process',
      severity: 'error',
      from: { path: '^libs/domain/', pathNot: '\\.spec\\.ts$|/testing/' },
      to: {
        dependencyTypes: [
          'npm',
          'npm-dev',
          'npm-optional',
          'npm-peer',
          'npm-no-pkg',
          'npm-unknown',
          'core',
        ],
        pathNot: '^(node_modules/)?(node:)?crypto$',
      },
    },
    {
      name: 'only-adapters-import-drivers',
      severity: 'error',
      from: { pathNot: ADAPTERS },
      to: {
        dependencyTypes: ['npm', 'npm-dev'],
        path: `node_modules/${DRIVERS.slice(1, -1).replace(/\|/g, '|node_modules/')}/`,
      },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$|/testing/|^dist/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
  },
};
