import type { FieldError } from './app-errors';

/** The error codes of CONTRACT.md (plus ILLEGAL_TRANSITION and INTERNAL_SERVER_ERROR). */
export type ContractCode =
  | 'BAD_USER_INPUT'
  | 'DUPLICATE_CASE'
  | 'ROLL_ALREADY_ISSUED'
  | 'NOT_ELIGIBLE'
  | 'ILLEGAL_TRANSITION'
  | 'CONFLICT'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'RATE_LIMITED'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'STALE_READ_MODEL'
  | 'INTERNAL_SERVER_ERROR';

export interface ContractError {
  code: ContractCode;
  /** safe to show: never carries a name or an ID number */
  message: string;
  httpStatus: number;
  fields?: FieldError[];
}

export const HTTP_STATUS: Record<ContractCode, number> = {
  BAD_USER_INPUT: 400,
  DUPLICATE_CASE: 409,
  ROLL_ALREADY_ISSUED: 409,
  NOT_ELIGIBLE: 422,
  ILLEGAL_TRANSITION: 422,
  CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  RATE_LIMITED: 429,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  STALE_READ_MODEL: 503,
  INTERNAL_SERVER_ERROR: 500,
};
