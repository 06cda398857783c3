import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '@app/runtime/auth/principal';
import type { TokenService } from '@app/runtime/auth/token.service';
import { principalOf } from './request-principal';

/** Per-request GraphQL context: the caller (verified lazily, once) and the correlation id. */
export interface RequestContext {
  principal(): Principal;
  correlationId: string;
}

const CORRELATION_ID = /^[\w.:-]{1,128}$/;

export function correlationIdOf(headers: Record<string, string | string[] | undefined>): string {
  const header = headers['x-correlation-id'];
  return typeof header === 'string' && CORRELATION_ID.test(header) ? header : randomUUID();
}

export function buildRequestContext(tokens: TokenService, request: FastifyRequest): RequestContext {
  let principal: Principal | undefined = principalOf(request);
  return {
    principal: () => (principal ??= tokens.fromAuthorizationHeader(request.headers.authorization)),
    correlationId: request.id,
  };
}

function contextOf(ctx: ExecutionContext): RequestContext {
  return GqlExecutionContext.create(ctx).getContext<RequestContext>();
}

/** The authenticated caller; throws AuthenticationFailed (UNAUTHENTICATED) without a valid token. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  contextOf(ctx).principal(),
);

export const CorrelationId = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => contextOf(ctx).correlationId,
);
