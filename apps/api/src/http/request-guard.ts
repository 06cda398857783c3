import type { FastifyInstance, FastifyReply, preParsingHookHandler } from 'fastify';
import type { Principal } from '@app/runtime/auth/principal';
import { rememberPrincipal } from '../auth/request-principal';
import type { TokenService } from '@app/runtime/auth/token.service';
import { RateLimited } from '@app/runtime/errors/app-errors';
import { toContractError } from '@app/runtime/errors/to-contract-error';
import type { RateLimits } from '../auth/rate-limits';
import { refuseGraphQL } from '../graphql/graphql-http';
import { appendRouteHook, isAgencyActRoute, isGraphQLRoute } from './route-hooks';

/** 429 with Retry-After, in the agency API's refusal shape. */
function refuseRateLimited(reply: FastifyReply, error: RateLimited): void {
  reply.header('retry-after', String(error.retryAfterSeconds));
  void reply.status(429).send({ code: 'RATE_LIMITED', message: error.message });
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
  const guard =
    (graphql: boolean): preParsingHookHandler =>
    (request, reply, payload, done) => {
      let principal: Principal;
      try {
        principal = tokens.fromAuthorizationHeader(request.headers.authorization);
        if (!graphql) limits.agency.take(principal);
      } catch (error) {
        if (error instanceof RateLimited) return refuseRateLimited(reply, error);
        const { code, message } = toContractError(error);
        reply.header('www-authenticate', 'Bearer');
        if (graphql) return refuseGraphQL(request, reply, 401, code, message);
        return void reply.status(401).send({ code, message });
      }
      rememberPrincipal(request, principal);
      done(null, payload);
    };
  fastify.addHook('onRoute', (route) => {
    if (isGraphQLRoute(route)) appendRouteHook(route, 'preParsing', guard(true));
    else if (isAgencyActRoute(route)) appendRouteHook(route, 'preParsing', guard(false));
  });
}
