import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config';
import { addSecurityHeaders } from './security-headers';

/** Per token (a hash of the Authorization header, never the token itself), else per address. */
function callerKey(request: FastifyRequest): string {
  const auth = request.headers.authorization;
  return auth ? createHash('sha256').update(auth).digest('hex').slice(0, 32) : `ip:${request.ip}`;
}

const STRINGS = /"(?:[^"\\]|\\.)*"/g;

/** Does the GraphQL body (one operation or a batch) carry a mutation? */
export function carriesMutation(body: unknown): boolean {
  const operations = Array.isArray(body) ? body : [body];
  return operations.some((op) => {
    const query = (op as { query?: unknown } | null)?.query;
    // the keyword outside string literals; most queries do not hold the word at all
    return (
      typeof query === 'string' &&
      query.includes('mutation') &&
      /\bmutation\b/.test(query.replace(STRINGS, '""'))
    );
  });
}

const limited = (_req: FastifyRequest, context: { after: string; max: number }) => ({
  statusCode: 429,
  code: 'RATE_LIMITED',
  message: `rate limit of ${context.max} per minute reached; retry after ${context.after}`,
  errors: [
    {
      message: `rate limit reached; retry after ${context.after}`,
      extensions: { code: 'RATE_LIMITED' },
    },
  ],
});

type Limiter = (
  this: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<void>;

/** The limiter signals "over the limit" by throwing its answer (headers already set): send it. */
async function refuseOverLimit(
  limiter: Limiter,
  fastify: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  try {
    await limiter.call(fastify, request, reply);
  } catch (answer) {
    const status = (answer as { statusCode?: unknown })?.statusCode;
    if (typeof status !== 'number') throw answer;
    await reply.status(status).send(answer);
  }
}

/** Security headers on every answer; rate limits on writes (GraphQL mutations, the agency API). */
export async function hardenHttp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  // GraphiQL (development) loads its page scripts from a CDN; production serves no HTML at all
  addSecurityHeaders(fastify, { contentSecurityPolicy: !config.graphiql });
  await app.register(rateLimit, { global: false });
  const mutations = <Limiter>fastify.rateLimit({
    max: config.rateLimits.mutationsPerMinute,
    timeWindow: 60_000,
    keyGenerator: callerKey,
    groupId: 'graphql-mutations',
    errorResponseBuilder: limited,
  });
  const agency = <Limiter>fastify.rateLimit({
    max: config.rateLimits.agencyPerMinute,
    timeWindow: 60_000,
    keyGenerator: callerKey,
    groupId: 'agency',
    errorResponseBuilder: limited,
  });
  // callback style: most requests need no limiter and go on without a promise
  fastify.addHook('preHandler', (request, reply, done) => {
    const limiter = limiterFor(request, mutations, agency);
    if (!limiter) {
      done();
      return;
    }
    refuseOverLimit(limiter, fastify, request, reply).then(() => {
      if (!reply.sent) done();
    }, done);
  });
}

/** The rate limit a request counts against: GraphQL mutations and agency posts; none for the rest. */
function limiterFor(request: FastifyRequest, mutations: Limiter, agency: Limiter): Limiter | null {
  if (request.method !== 'POST') return null;
  if (request.url.startsWith('/graphql')) return carriesMutation(request.body) ? mutations : null;
  return request.url.startsWith('/agency/') ? agency : null;
}
