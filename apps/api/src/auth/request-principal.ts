import type { FastifyRequest } from 'fastify';
import type { Principal } from '@app/runtime/auth/principal';

const principals = new WeakMap<object, Principal>();

/** Keeps the caller the request guard (http/request-guard.ts) verified for this request. */
export function rememberPrincipal(request: FastifyRequest, principal: Principal): void {
  principals.set(request.raw, principal);
}

/** The caller verified for this request by the guard, if its route has one. */
export function principalOf(request: FastifyRequest): Principal | undefined {
  return principals.get(request.raw);
}
