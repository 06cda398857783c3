import type { FastifyInstance } from 'fastify';

const stoppers = new WeakMap<object, () => void>();

/**
 * Keep-alive connections would hold the HTTP server open after a shutdown begins: answers sent
 * while stopping carry `Connection: close`, and idle connections are closed at once.
 */
export function installGracefulClose(fastify: FastifyInstance): void {
  let stopping = false;
  fastify.addHook('onSend', async (_request, reply, payload) => {
    if (stopping) reply.header('connection', 'close');
    return payload;
  });
  stoppers.set(fastify, () => {
    stopping = true;
    fastify.server.closeIdleConnections();
  });
}

/** Called before app.close(): from now on every answer closes its connection. */
export function beginGracefulClose(fastify: FastifyInstance): void {
  stoppers.get(fastify)?.();
}
