import { invalidInputMessage } from './messages';

/**
 * Domain refusals. Messages never carry an ID number or a name: they name fields and rules only.
 * `code` is what the API maps to its contract codes (BAD_USER_INPUT, NOT_ELIGIBLE, ...).
 */
export type DomainErrorCode =
  'BAD_USER_INPUT' | 'ILLEGAL_TRANSITION' | 'NOT_ELIGIBLE' | 'NOT_FOUND' | 'DUPLICATE_CASE';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export type FieldError = { field: string; message: string };

/** Bad input; `fields` names every bad field (GraphQL input field names). */
export class ValidationFailed extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(readonly fields: FieldError[]) {
    super(invalidInputMessage(fields));
  }
}

/** The command makes no sense in the case's current state. */
export class IllegalTransition extends DomainError {
  readonly code = 'ILLEGAL_TRANSITION' as const;
  constructor(
    readonly command: string,
    readonly status: string,
    reason: string,
  ) {
    super(`${command} refused in status ${status}: ${reason}`);
  }
}

/** The child's categories do not open the programme. */
export class NotEligible extends DomainError {
  readonly code = 'NOT_ELIGIBLE' as const;
  constructor(
    readonly subject: string,
    reason: string,
  ) {
    super(`Not eligible for ${subject}: ${reason}`);
  }
}

export class NotFound extends DomainError {
  readonly code = 'NOT_FOUND' as const;
  constructor(
    readonly what: string,
    readonly id?: string,
  ) {
    super(id === undefined ? `${what} not found` : `${what} ${id} not found`);
  }
}

/** A second open case for the same ID number (checked by the application against its index). */
export class DuplicateCase extends DomainError {
  readonly code = 'DUPLICATE_CASE' as const;
  constructor(readonly existingCaseId?: string) {
    super('An open case already exists for this ID number');
  }
}
