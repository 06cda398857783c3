import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A file GraphiQL's page loads, served from the npm package it ships in (no CDN). */
export interface GraphiqlAsset {
  /** the path under `/graphiql/assets/`, versioned so a browser may keep it */
  path: string;
  file: string;
  contentType: string;
}

const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const versionOf = (name: string) =>
  (JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string })
    .version;

const JS = 'text/javascript; charset=utf-8';

/** React 18 and GraphiQL 3 as their UMD builds, in the order the page loads them. */
export function graphiqlAssets(): GraphiqlAsset[] {
  const asset = (pkg: string, file: string, contentType = JS): GraphiqlAsset => ({
    path: `${pkg}@${versionOf(pkg)}/${file.split('/').pop()}`,
    file: join(packageDir(pkg), file),
    contentType,
  });
  return [
    asset('react', 'umd/react.production.min.js'),
    asset('react-dom', 'umd/react-dom.production.min.js'),
    asset('graphiql', 'graphiql.min.js'),
    asset('graphiql', 'graphiql.min.css', 'text/css; charset=utf-8'),
  ];
}
