import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Batched GraphQL operations (a JSON array body) are allowed up to a cap, refused whole above it. */
export function limitBatches(fastify: FastifyInstance, maxBatch: number): void {
  fastify.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith('/graphql') || !Array.isArray(request.body)) return;
    if (request.body.length > maxBatch) {
      await reply.status(400).send({
        data: null,
        errors: [
          {
            message: `at most ${maxBatch} operations per batch`,
            extensions: { code: 'BATCH_TOO_LARGE' },
          },
        ],
      });
    }
  });
}
