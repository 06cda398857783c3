import type { FastifyInstance } from 'fastify';

/**
 * The headers every answer carries. This service answers JSON (GraphQL, the agency API, health,
 * metrics; the HTML pages of GraphiQL and Swagger UI set their own policy), so it sends the set the OWASP REST Security Cheat Sheet
 * gives for APIs rather than a web page's (helmet's defaults, sent before, added five headers that
 * only act on rendered HTML: X-XSS-Protection, X-Download-Options, X-DNS-Prefetch-Control,
 * Origin-Agent-Cluster, X-Permitted-Cross-Domain-Policies):
 * - `cache-control: no-store`: answers hold personal information; no cache on the way keeps them;
 * - a content security policy that allows nothing and no framing, should a browser render one;
 * - HSTS, no MIME sniffing, no framing, no referrer, no cross-origin reads.
 */
export function apiSecurityHeaders(): Readonly<Record<string, string>> {
  return Object.freeze({
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
    'strict-transport-security': 'max-age=31536000; includeSubDomains',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
  });
}

/** The security headers on every answer, errors and 404s included; worked out once. */
export function addSecurityHeaders(fastify: FastifyInstance): void {
  const headers = apiSecurityHeaders();
  fastify.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
