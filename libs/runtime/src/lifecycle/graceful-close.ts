import type { INestApplication } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

const stoppers = new WeakMap<object, () => void>();

/**
 * Keep-alive connections would hold the HTTP server open after a shutdown begins: answers sent
 * while stopping carry `Connection: close`, and idle connections are closed at once.
 */
export function installGracefulClose(fastify: FastifyInstance): void {
  let stopping = false;
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (stopping) reply.header('connection', 'close');
    done(null, payload);
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

/**
 * SIGTERM/SIGINT: `app.close()` stops accepting, lets the requests in flight finish, then the
 * shutdown hooks stop the projector (its last batch commits with its checkpoint), flush the access
 * log and close the stores; exit 0. (Nest's own enableShutdownHooks closes the stores before the
 * HTTP server, so requests in flight would find them closed.) If that hangs, exit 1 anyway.
 */
export function stopOnSignals(
  app: INestApplication,
  shutdownTimeoutMs: number,
  beforeClose?: () => void,
): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      console.error(`shutdown on ${signal} took longer than ${shutdownTimeoutMs} ms; exiting`);
      process.exit(1);
    }, shutdownTimeoutMs).unref();
    beforeClose?.();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
