import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onSendHookHandler,
  preValidationHookHandler,
} from 'fastify';
import { appendRouteHook, isGraphQLRoute } from '../http/route-hooks';

export const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/** Whether the client asked for the GraphQL over HTTP media type (graphql-http's audit, newer clients). */
export function wantsGraphQLResponse(request: { headers: Record<string, unknown> }): boolean {
  const accept = request.headers.accept;
  return typeof accept === 'string' && accept.includes(GRAPHQL_RESPONSE);
}

/**
 * A request refused before GraphQL ran, in GraphQL's shape: `{ errors }` with the contract code,
 * and `data: null` for `application/json` clients (as every answer of this API carries), none for
 * `application/graphql-response+json` ones (the spec: no data entry on a request error).
 */
export function refuseGraphQL(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
): void {
  const errors = [{ message, extensions: { code } }];
  void reply
    .status(status)
    .send(wantsGraphQLResponse(request) ? { errors } : { data: null, errors });
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What is wrong with one GraphQL request (a body, a batch item, the GET query string), or null. */
function problemOf(params: unknown, get: boolean): string | null {
  if (!isObject(params)) return 'a GraphQL request is a JSON object';
  if (typeof params.query !== 'string') return 'query must be a string holding the document';
  const name = params.operationName;
  if (name !== undefined && name !== null && typeof name !== 'string')
    return 'operationName must be a string';
  for (const key of ['variables', 'extensions']) {
    const value = params[key];
    if (value === undefined || value === null) continue;
    if (get ? typeof value !== 'string' : !isObject(value))
      return `${key} must be ${get ? 'JSON in a string' : 'an object'}`;
  }
  return null;
}

/** `extensions: null` means none (GraphQL over HTTP); Mercurius' body schema wants an object. */
function withoutNullExtensions(params: Record<string, unknown>): void {
  if (params.extensions === null) delete params.extensions;
}

const GRAPHQL_BODY = /^application\/(?:json|graphql)\s*(?:;|$)/i;

/**
 * Before Mercurius sees a request (and before Fastify's schema validation coerces its types):
 * a POST body must be `application/json` (or `application/graphql`), else 415; every request,
 * alone or in a batch of at most `maxBatch`, must carry its document as a string, else 400
 * BAD_REQUEST (a client error, never INTERNAL_SERVER_ERROR). The answers carry the GraphQL over
 * HTTP media type when the client asked for it.
 */
export function graphqlOverHttp(fastify: FastifyInstance, maxBatch: number): void {
  const mediaType: onSendHookHandler = (request, reply, payload, done) => {
    if (wantsGraphQLResponse(request))
      reply.header('content-type', `${GRAPHQL_RESPONSE}; charset=utf-8`);
    done(null, payload);
  };
  const shape: preValidationHookHandler = (request, reply, done) => {
    const get = request.method === 'GET';
    if (!get && !GRAPHQL_BODY.test(request.headers['content-type'] ?? ''))
      return refuseGraphQL(
        request,
        reply,
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'send the body as application/json',
      );
    const body = get ? request.query : request.body;
    const items = Array.isArray(body) && !get ? body : [body];
    if (items.length > maxBatch)
      return refuseGraphQL(
        request,
        reply,
        400,
        'BATCH_TOO_LARGE',
        `at most ${maxBatch} operations per batch`,
      );
    if (items.length === 0)
      return refuseGraphQL(request, reply, 400, 'BAD_REQUEST', 'an empty batch');
    for (const item of items) {
      const problem = problemOf(item, get);
      if (problem) return refuseGraphQL(request, reply, 400, 'BAD_REQUEST', problem);
      withoutNullExtensions(item as Record<string, unknown>);
    }
    done();
  };
  fastify.addHook('onRoute', (route) => {
    if (!isGraphQLRoute(route)) return;
    appendRouteHook(route, 'preValidation', shape);
    appendRouteHook(route, 'onSend', mediaType);
  });
}
