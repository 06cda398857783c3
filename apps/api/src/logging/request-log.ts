import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { PinoLogger } from 'nestjs-pino';

/**
 * One JSON line per answered request, through the application's pino logger: the request id
 * (the correlation id its events carry), method, path without the query string (which may hold
 * personal information), status and time taken. A Fastify hook rather than nestjs-pino's
 * pino-http middleware, which Nest 12 never ran on these routes.
 */
export function logRequests(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const root = PinoLogger.root;
    if (root?.isLevelEnabled('info')) {
      const url = request.url;
      const query = url.indexOf('?');
      lineLogger(root).info(
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

let lines: { root: Logger; child: Logger } | undefined;

/**
 * The root logger without its redaction paths: a request line holds only the five fields above,
 * none of them personal, so walking the paths (half the cost of a line) would find nothing.
 * Its own level, so the root's level (checked above) decides alone.
 */
function lineLogger(root: Logger): Logger {
  if (lines?.root !== root) lines = { root, child: root.child({}, { redact: [], level: 'info' }) };
  return lines.child;
}
