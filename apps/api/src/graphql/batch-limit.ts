import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Batched GraphQL operations (a JSON array body) are allowed up to a cap, refused whole above it. */
export function limitBatches(fastify: FastifyInstance, maxBatch: number): void {
  fastify.addHook('preHandler', (request: FastifyRequest, reply: FastifyReply, done) => {
    const body = request.body;
    if (!Array.isArray(body) || body.length <= maxBatch || !request.url.startsWith('/graphql')) {
      done();
      return;
    }
    void reply.status(400).send({
      data: null,
      errors: [
        {
          message: `at most ${maxBatch} operations per batch`,
          extensions: { code: 'BATCH_TOO_LARGE' },
        },
      ],
    });
  });
}
