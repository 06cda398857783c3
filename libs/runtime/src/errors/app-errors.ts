import { invalidInputMessage } from '@app/domain';

/** Errors raised by the application layer itself (the domain has its own, mapped in contract-error.ts). */
export class Unauthenticated extends Error {
  override readonly name = 'Unauthenticated';
}

export class Forbidden extends Error {
  override readonly name = 'Forbidden';
}

export class CaseNotFound extends Error {
  override readonly name = 'CaseNotFound';
  constructor() {
    super('case not found');
  }
}

export class ConcurrencyConflict extends Error {
  override readonly name = 'ConcurrencyConflict';
  constructor() {
    super('the case changed while the command ran; retry with fresh data');
  }
}

/** An agency reused an Idempotency-Key with another request body (or for another child). */
export class IdempotencyKeyReused extends Error {
  override readonly name = 'IdempotencyKeyReused';
  constructor() {
    super('this Idempotency-Key was already used with another request body');
  }
}

export class StaleReadModel extends Error {
  override readonly name = 'StaleReadModel';
  constructor() {
    super('the read models have not reached the requested position yet');
  }
}

export interface FieldError {
  field: string;
  message: string;
}

export class BadUserInput extends Error {
  override readonly name = 'BadUserInput';
  constructor(readonly fields: FieldError[]) {
    super(invalidInputMessage(fields));
  }
}

export class RateLimited extends Error {
  override readonly name = 'RateLimited';
  constructor(readonly retryAfterSeconds: number) {
    super(`rate limit reached; retry after ${retryAfterSeconds} s`);
  }
}
