import {
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { GqlContextType } from '@nestjs/graphql';
import type { FastifyReply } from 'fastify';
import { internalErrorLog } from '@app/runtime/errors/internal-error-log';
import { toContractError } from '@app/runtime/errors/to-contract-error';

/**
 * GraphQL: hand the error back to Mercurius, whose errorFormatter maps it (no stack logged for
 * a refusal). HTTP: answer with the contract code and the matching status.
 */
@Catch()
export class ContractExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return reply.status(status).send({ code: httpCode(status), message: exception.message });
    }
    const error = toContractError(exception);
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      this.logger.error({ err: internalErrorLog(exception) }, 'request failed');
    }
    return reply.status(error.httpStatus).send({
      code: error.code,
      message: error.message,
      ...(error.fields ? { fields: error.fields } : {}),
    });
  }
}

function httpCode(status: number): string {
  if (status === 400) return 'BAD_USER_INPUT';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  return status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
}
