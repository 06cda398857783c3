import type { FastifyInstance } from 'fastify';
import { PinoLogger } from 'nestjs-pino';

/**
 * One JSON line per answered request, through the application's pino logger: the request id
 * (the correlation id its events carry), method, path without the query string (which may hold
 * personal information), status and time taken. A Fastify hook rather than nestjs-pino's
 * pino-http middleware, which Nest 12 never ran on these routes.
 */
export function logRequests(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const logger = PinoLogger.root;
    if (logger?.isLevelEnabled('info')) {
      const url = request.url;
      const query = url.indexOf('?');
      logger.info(
        {
          reqId: request.id,
          method: request.method,
          path: query < 0 ? url : url.slice(0, query),
          statusCode: reply.statusCode,
          responseTimeMs: Math.round(reply.elapsedTime * 10) / 10,
        },
        'request completed',
      );
    }
    done();
  });
}
