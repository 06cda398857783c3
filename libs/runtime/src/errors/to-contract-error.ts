import {
  DuplicateCase,
  IllegalTransition,
  NotEligible,
  NotFound,
  RollAlreadyIssued,
  ValidationFailed,
} from '@app/domain';
import { WrongExpectedRevision } from '@app/event-store';
import { AuthenticationFailed } from '../auth/token.service';
import {
  BadUserInput,
  CaseNotFound,
  ConcurrencyConflict,
  Forbidden,
  IdempotencyKeyReused,
  StaleReadModel,
  RateLimited,
  Unauthenticated,
} from './app-errors';
import { HTTP_STATUS, type ContractCode, type ContractError } from './contract-error';

function make(
  code: ContractCode,
  message: string,
  fields?: ContractError['fields'],
): ContractError {
  return { code, message, httpStatus: HTTP_STATUS[code], ...(fields ? { fields } : {}) };
}

/**
 * The one place where errors become contract codes (GraphQL, REST and gRPC all call it).
 * Messages of the errors named here are written to carry no personal information;
 * anything unexpected is reported as INTERNAL_SERVER_ERROR with a generic message.
 */
export function toContractError(error: unknown): ContractError {
  if (error instanceof BadUserInput) return make('BAD_USER_INPUT', error.message, error.fields);
  if (error instanceof ValidationFailed) return make('BAD_USER_INPUT', error.message, error.fields);
  if (error instanceof DuplicateCase)
    return make('DUPLICATE_CASE', 'an open case already exists for this child');
  if (error instanceof RollAlreadyIssued) return make('ROLL_ALREADY_ISSUED', error.message);
  if (error instanceof NotEligible) return make('NOT_ELIGIBLE', error.message);
  if (error instanceof IllegalTransition) return make('ILLEGAL_TRANSITION', error.message);
  if (error instanceof NotFound || error instanceof CaseNotFound)
    return make('NOT_FOUND', 'case not found');
  if (error instanceof ConcurrencyConflict || error instanceof WrongExpectedRevision) {
    return make('CONFLICT', new ConcurrencyConflict().message);
  }
  if (error instanceof IdempotencyKeyReused) return make('IDEMPOTENCY_KEY_REUSED', error.message);
  if (error instanceof RateLimited) return make('RATE_LIMITED', error.message);
  if (error instanceof Unauthenticated || error instanceof AuthenticationFailed) {
    return make('UNAUTHENTICATED', error.message);
  }
  if (error instanceof Forbidden) return make('FORBIDDEN', error.message || 'not allowed');
  if (error instanceof StaleReadModel) return make('STALE_READ_MODEL', error.message);
  return make('INTERNAL_SERVER_ERROR', 'internal error');
}
