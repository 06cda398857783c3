import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';

/** Route config of a route that reads its body as a stream, under `ROSTER_MAX_BYTES`. */
export const STREAMED_BODY = { streamedBody: true } as const;

export const isStreamedRoute = (request: FastifyRequest): boolean =>
  (request.routeOptions.config as { streamedBody?: unknown } | undefined)?.streamedBody === true;

class UnsupportedMediaType extends Error {
  readonly statusCode = 415;
  readonly code = 'UNSUPPORTED_MEDIA_TYPE';
}

/**
 * A roster is text/csv, handed to its route as the raw stream (read as it arrives, never held
 * whole); no other route takes CSV.
 */
export function acceptCsvRosters(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addContentTypeParser(['text/csv', 'application/csv'], (request, payload, done) => {
    if (isStreamedRoute(request)) done(null, payload);
    else done(new UnsupportedMediaType('this route does not take CSV'), undefined);
  });
}
