import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { TokenService } from '@app/runtime/auth/token.service';
import type { AppConfig } from '@app/runtime/config/app-config';
import { serveGraphiql } from '../graphiql/graphiql.routes';
import { graphqlOverHttp } from '../graphql/graphql-http';
import { HeavyTurns } from '../graphql/limits/heavy-turns';
import { RateLimits } from '../auth/rate-limits';
import { guardRequests } from './request-guard';
import { addSecurityHeaders } from './security-headers';

/**
 * Security headers on every answer; on the GraphQL route and the agency API the token before the
 * body (and the agency rate limit), then GraphQL's request shape. GraphQL mutations are counted
 * against their rate limit once parsed (graphql-limits.ts).
 */
export function hardenHttp(app: NestFastifyApplication, config: AppConfig): void {
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  addSecurityHeaders(fastify);
  // GraphiQL's pages replace the API's content security policy with their own (self only)
  if (config.graphiql) serveGraphiql(fastify);
  guardRequests(fastify, app.get(TokenService), app.get(RateLimits));
  graphqlOverHttp(fastify, config.graphqlLimits.maxBatch);
  app.get(HeavyTurns).attach(fastify);
}
