import { Transform, type TransformCallback } from 'node:stream';
import type { FastifyInstance } from 'fastify';

class BodyTooLarge extends Error {
  readonly statusCode = 413;
  readonly code = 'PAYLOAD_TOO_LARGE';
}

/**
 * Every request body is counted as it streams in and cut off past `maxBytes`, whatever parser the
 * route uses (the GraphQL route's parser does not apply Fastify's bodyLimit). Routes with a lower
 * limit of their own (the agency API) keep it.
 */
export function limitBodies(fastify: FastifyInstance, maxBytes: number): void {
  fastify.addHook('preParsing', async (request, _reply, payload) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes)
      throw new BodyTooLarge(`the body is larger than ${maxBytes} bytes`);
    let seen = 0;
    return payload.pipe(
      new Transform({
        transform(chunk: Buffer, _encoding, done: TransformCallback) {
          seen += chunk.length;
          if (seen > maxBytes) done(new BodyTooLarge(`the body is larger than ${maxBytes} bytes`));
          else done(null, chunk);
        },
      }),
    );
  });
}
