/** Jest runs TypeScript through SWC (fast, no type check: `npm run build` and `npm run lint` do that). */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

const fs = require('node:fs');
const path = require('node:path');

function esmPackages() {
  const root = path.join(__dirname, 'node_modules');
  const found = [];
  const visit = (dir, name) => {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
      if (pkg.type === 'module') found.push(name.replace(/[.+]/g, '\\$&'));
    } catch {
      /* not a package */
    }
  };
  for (const entry of fs.existsSync(root) ? fs.readdirSync(root) : []) {
    if (entry.startsWith('@')) {
      for (const sub of fs.readdirSync(path.join(root, entry)))
        visit(path.join(root, entry, sub), `${entry}/${sub}`);
    } else visit(path.join(root, entry), entry);
  }
  return found;
}

function libraryAliases() {
  const { paths } = require('./tsconfig.json').compilerOptions;
  const mapped = {};
  for (const [alias, [target]] of Object.entries(paths)) {
    if (alias.endsWith('/*'))
      mapped[`^${alias.slice(0, -2)}/(.*)$`] = `<rootDir>/${target.slice(0, -2)}/$1`;
    else mapped[`^${alias}$`] = `<rootDir>/${target}`;
  }
  return mapped;
}

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test', '<rootDir>/tools'],
  testRegex: '.*\\.spec\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.(t|m?j)s$': ['@swc/jest', swc] },
  // Nest 12 and some of its dependencies ship ES modules only; Jest (before Node 24.9) cannot require()
  // them, so SWC compiles them to CommonJS too.
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages().join('|')})/)`],
  // the `@app/*` libraries, as tsconfig.json maps them (defined once there)
  moduleNameMapper: libraryAliases(),
  testTimeout: 30000,
  // most specs wait on servers they spawned, not on the CPU: two workers on CI's two cores, where
  // Jest's default (cores - 1) would run them one at a time
  maxWorkers: 2,
  // suites that cannot run here (no PostgreSQL, no Chromium) are counted as skipped, and why is said once
  reporters: ['default', '<rootDir>/tools/jest/skip-reasons-reporter.js'],
  // a handle a failed spec left open (a child process, a socket) must not keep CI waiting forever
  forceExit: true,
};
