import type { GraphiqlAsset } from './graphiql-assets';

/**
 * The script that mounts GraphiQL on the page, against the GraphQL endpoint next to the page (so a
 * path prefix added by a reverse proxy still works). Headers persist in the browser's storage.
 */
export const GRAPHIQL_START_SCRIPT = `(function () {
  var endpoint = new URL('graphql', window.location.href).toString();
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: GraphiQL.createFetcher({ url: endpoint }),
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: true,
      defaultEditorToolsVisibility: 'headers',
      defaultHeaders: JSON.stringify(
        { Authorization: 'Bearer <a token from: npm run -s token -- --role ADMIN>' },
        null,
        2,
      ),
      defaultQuery:
        '# 1. Put a token in the Headers tab below: npm run -s token -- --role ADMIN\\n' +
        '# 2. Press the re-fetch button (bottom left) for the docs and completion\\n' +
        '# 3. Run this with Ctrl-Enter. Every query and mutation: docs/api.md\\n' +
        '{\\n  cases(first: 5) {\\n    totalCount\\n    edges { node { id status regionCode riskLevel } }\\n  }\\n}\\n',
    }),
  );
})();
`;

/** The page: no inline script or style, every asset from this service. */
export function graphiqlPage(assets: readonly GraphiqlAsset[]): string {
  const url = (a: GraphiqlAsset) => `graphiql/assets/${a.path}`;
  const sheets = assets.filter((a) => a.contentType.startsWith('text/css'));
  const scripts = assets.filter((a) => !a.contentType.startsWith('text/css'));
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="robots" content="noindex">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>GraphiQL · child protection cases</title>',
    ...sheets.map((a) => `<link rel="stylesheet" href="${url(a)}">`),
    '<link rel="stylesheet" href="graphiql/page.css">',
    '</head>',
    '<body>',
    '<div id="graphiql">Loading GraphiQL…</div>',
    ...scripts.map((a) => `<script src="${url(a)}"></script>`),
    '<script src="graphiql/start.js"></script>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export const GRAPHIQL_PAGE_CSS = 'body { margin: 0; } #graphiql { height: 100vh; }\n';
