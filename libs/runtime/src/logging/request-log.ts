import type { FastifyInstance } from 'fastify';
import { symbols, type Logger } from 'pino';
import { PinoLogger } from 'nestjs-pino';
import { TurnBatch, type LineSink } from './turn-batch';

/**
 * One JSON line per answered request, through the application's pino logger: the request id
 * (the correlation id its events carry), method, path without the query string (which may hold
 * personal information), status and time taken. A Fastify hook rather than nestjs-pino's
 * pino-http middleware, which Nest 12 never ran on these routes. The lines of one event-loop
 * turn reach the logger's destination in one write (TurnBatch); Fastify's close and the
 * process's exit flush what is pending.
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
  fastify.addHook('onClose', (_instance, done) => {
    lines?.batch.flush();
    done();
  });
}

let lines: { root: Logger; child: Logger; batch: TurnBatch } | undefined;

/**
 * The root logger without its redaction paths, writing into the turn's batch: a request line holds
 * only the five fields above, none of them personal, so walking the paths (half the cost of a
 * line) would find nothing. Its own level, so the root's level (checked above) decides alone.
 */
function lineLogger(root: Logger): Logger {
  if (lines?.root === root) return lines.child;
  const sink = (root as unknown as Record<symbol, LineSink>)[symbols.streamSym];
  const child = root.child({}, { redact: [], level: 'info' });
  const batch = lines?.batch ?? newBatch(sink);
  batch.redirect(sink);
  // the child formats as its root does and writes into the batch instead of the root's stream
  Object.defineProperty(child, symbols.streamSym, { value: batch });
  lines = { root, child, batch };
  return child;
}

function newBatch(sink: LineSink): TurnBatch {
  const batch = new TurnBatch(sink);
  // a crash's last turn too: the destination writes synchronously (logging.module.ts)
  process.once('exit', () => batch.flush());
  return batch;
}
