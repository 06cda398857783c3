import { Transform, type TransformCallback } from 'node:stream';
import type { FastifyInstance } from 'fastify';

class BodyTooLarge extends Error {
  readonly statusCode = 413;
  readonly code = 'PAYLOAD_TOO_LARGE';
}

/**
 * Every request body is held to `maxBytes`, whatever parser the route uses: Fastify's bodyLimit
 * binds only the parsers that read the body through it, this hook every route. A declared
 * Content-Length over the limit is refused before the body is read; Node's HTTP parser never
 * delivers more than the declared length, so such a body is passed on as it is. A body without
 * one (chunked) is counted as it streams in and cut off past the limit. Routes with a lower limit
 * of their own (the agency API) keep it; a route that streams its body (a roster) sets its own
 * with `@RouteConfig({ streamedBody: true })`: ROSTER_MAX_BYTES.
 */
export function limitBodies(
  fastify: FastifyInstance,
  defaultMaxBytes: number,
  streamedMaxBytes = defaultMaxBytes,
): void {
  fastify.addHook('preParsing', (request, _reply, payload, done) => {
    const streamed = (request.routeOptions.config as { streamedBody?: unknown } | undefined)
      ?.streamedBody;
    const maxBytes = streamed === true ? streamedMaxBytes : defaultMaxBytes;
    const tooLarge = () => new BodyTooLarge(`the body is larger than ${maxBytes} bytes`);
    const header = request.headers['content-length'];
    if (header !== undefined) {
      done(Number(header) > maxBytes ? tooLarge() : null, payload);
      return;
    }
    let seen = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, next: TransformCallback) {
        seen += chunk.length;
        if (seen > maxBytes) next(tooLarge());
        else next(null, chunk);
      },
    });
    done(null, payload.pipe(counted));
  });
}
