import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { graphiqlAssets } from './graphiql-assets';
import { GRAPHIQL_PAGE_CSS, GRAPHIQL_START_SCRIPT, graphiqlPage } from './graphiql-page';

/**
 * The policy of GraphiQL's pages in place of the API's `default-src 'none'`: scripts, style sheets
 * and requests to this origin only (so it works on a network without internet), the fonts its
 * style sheet inlines as `data:`, and the inline styles its editors set.
 */
export const GRAPHIQL_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * GraphiQL at `/graphiql`, its React and GraphiQL builds read from node_modules (the packages
 * react, react-dom and graphiql) and served from `/graphiql/assets/<package>@<version>/`.
 */
export function serveGraphiql(fastify: FastifyInstance): void {
  const assets = graphiqlAssets();
  const page = graphiqlPage(assets);
  const send = (reply: FastifyReply, type: string, body: string | Buffer, cache = 'no-store') =>
    reply
      .header('content-type', type)
      .header('content-security-policy', GRAPHIQL_POLICY)
      .header('cache-control', cache)
      .send(body);

  fastify.get('/graphiql', (_request, reply) => send(reply, 'text/html; charset=utf-8', page));
  fastify.get('/graphiql/start.js', (_request, reply) =>
    send(reply, 'text/javascript; charset=utf-8', GRAPHIQL_START_SCRIPT),
  );
  fastify.get('/graphiql/page.css', (_request, reply) =>
    send(reply, 'text/css; charset=utf-8', GRAPHIQL_PAGE_CSS),
  );
  for (const asset of assets) {
    let body: Buffer | undefined; // read on first use: most starts never open GraphiQL
    fastify.get(`/graphiql/assets/${asset.path}`, (_request, reply) =>
      send(reply, asset.contentType, (body ??= readFileSync(asset.file)), IMMUTABLE),
    );
  }
}
