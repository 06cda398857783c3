import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BadUserInput } from '@app/runtime/errors/app-errors';
import { toContractError } from '@app/runtime/errors/to-contract-error';
import { BodyTooDeep } from '../validation/json-body';
import { appendRouteHook } from '../http/route-hooks';

/** The agency API's body limit: an act is a few hundred bytes, 64 KiB is generous. */
export const AGENCY_BODY_LIMIT = 64 * 1024;

/**
 * Nest has no per-route body limit: a route asks for one with `@RouteConfig({ bodyLimit })`,
 * and this hook hands it to Fastify, with contract-shaped answers for what Fastify refuses
 * before the handler runs (a body too large, not JSON, of another media type). Their messages
 * are ours: nothing of the body is echoed.
 */
export function applyRouteBodyLimits(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    const limit = (route.config as { bodyLimit?: unknown } | undefined)?.bodyLimit;
    if (typeof limit !== 'number') return;
    route.bodyLimit = limit;
    route.errorHandler = (error, request, reply) => refuseBody(limit, error, request, reply);
    appendRouteHook(route, 'onRequest', jsonBodiesOnly);
  });
}

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** A body of another media type (text/plain, which Fastify would parse as a string, say) is a 415. */
function jsonBodiesOnly(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  const type = request.headers['content-type'];
  if (type === undefined || JSON_MEDIA_TYPE.test(type)) {
    done();
    return;
  }
  void reply
    .status(415)
    .send({ code: 'UNSUPPORTED_MEDIA_TYPE', message: 'send the body as application/json' });
}

function refuseBody(
  limit: number,
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (error.statusCode === 413) {
    return reply
      .status(413)
      .send({ code: 'PAYLOAD_TOO_LARGE', message: `the body is larger than ${limit} bytes` });
  }
  if (error.statusCode === 415) {
    return reply
      .status(415)
      .send({ code: 'UNSUPPORTED_MEDIA_TYPE', message: 'send the body as application/json' });
  }
  if (
    error instanceof BodyTooDeep ||
    (error.statusCode === 400 && error.code?.startsWith('FST_ERR_CTP_'))
  ) {
    const problem = error instanceof BodyTooDeep ? error.message : 'must be a JSON object';
    const contract = toContractError(new BadUserInput([{ field: 'body', message: problem }]));
    const { code, message, fields } = contract;
    return reply.status(contract.httpStatus).send({ code, message, fields });
  }
  throw error; // the application's own handler answers the rest
}
