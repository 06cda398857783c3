import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';
import type { TokenService } from '../auth/token.service';
import { RateLimited } from '../errors/app-errors';
import { toContractError } from '../errors/to-contract-error';
import type { RateLimits } from './rate-limits';
import { refuseGraphQL } from '../graphql/graphql-http';

const principals = new WeakMap<object, Principal>();

/** The caller verified for this request by the guard, if its route has one. */
export function principalOf(request: FastifyRequest): Principal | undefined {
  return principals.get(request.raw);
}

const isGraphQL = (request: FastifyRequest) => request.routeOptions.url === '/graphql';
const isAgencyAct = (request: FastifyRequest) =>
  request.method === 'POST' && (request.routeOptions.url ?? '').startsWith('/agency/v1/');

/** 429 with Retry-After, in the route's refusal shape. */
export function refuseRateLimited(
  request: FastifyRequest,
  reply: FastifyReply,
  error: RateLimited,
): void {
  reply.header('retry-after', String(error.retryAfterSeconds));
  if (isGraphQL(request)) refuseGraphQL(request, reply, 429, 'RATE_LIMITED', error.message);
  else void reply.status(429).send({ code: 'RATE_LIMITED', message: error.message });
}

/**
 * The token before the body: on the GraphQL route and the agency API, once the declared size has
 * passed (limitBodies runs first), the bearer token is verified before a byte of the body is read
 * or parsed; a request without a valid one is answered 401 at once. An agency act then counts
 * against its principal's rate limit (the same one the gRPC service counts against).
 */
export function guardRequests(
  fastify: FastifyInstance,
  tokens: TokenService,
  limits: RateLimits,
): void {
  fastify.addHook('preParsing', (request, reply, payload, done) => {
    const graphql = isGraphQL(request);
    if (!graphql && !isAgencyAct(request)) {
      done(null, payload);
      return;
    }
    let principal: Principal;
    try {
      principal = tokens.fromAuthorizationHeader(request.headers.authorization);
      if (!graphql) limits.agency.take(principal);
    } catch (error) {
      if (error instanceof RateLimited) return refuseRateLimited(request, reply, error);
      const { code, message } = toContractError(error);
      reply.header('www-authenticate', 'Bearer');
      if (graphql) return refuseGraphQL(request, reply, 401, code, message);
      return void reply.status(401).send({ code, message });
    }
    principals.set(request.raw, principal);
    done(null, payload);
  });
}
