// Lets a plain `node -r ./tools/swc-register.js file.ts` run project TypeScript without a build
// (used by tests that spawn child processes, e.g. the event store crash test).
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..');
// the `@app/*` libraries, as tsconfig.json maps them (defined once there)
const { paths } = require(path.join(root, 'tsconfig.json')).compilerOptions;
const aliases = Object.fromEntries(
  Object.entries(paths)
    .filter(([alias]) => !alias.endsWith('/*'))
    .map(([alias, [target]]) => [alias, target]),
);

const originalResolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  for (const [alias, target] of Object.entries(aliases)) {
    if (request === alias || request.startsWith(alias + '/')) {
      request = path.join(root, target, request.slice(alias.length));
      break;
    }
  }
  return originalResolve.call(this, request, ...rest);
};

require.extensions['.ts'] = function (module, filename) {
  const source = require('node:fs').readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
