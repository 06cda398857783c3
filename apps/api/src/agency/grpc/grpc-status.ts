import { Metadata, status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';
import type { ContractCode } from '@app/runtime/errors/contract-error';
import { toContractError } from '@app/runtime/errors/to-contract-error';

/** Contract codes as gRPC status codes (the HTTP statuses' counterparts). */
export const GRPC_STATUS: Readonly<Record<ContractCode, status>> = {
  BAD_USER_INPUT: status.INVALID_ARGUMENT,
  DUPLICATE_CASE: status.ALREADY_EXISTS,
  ROLL_ALREADY_ISSUED: status.ALREADY_EXISTS,
  NOT_ELIGIBLE: status.FAILED_PRECONDITION,
  ILLEGAL_TRANSITION: status.FAILED_PRECONDITION,
  CONFLICT: status.ABORTED,
  IDEMPOTENCY_KEY_REUSED: status.ALREADY_EXISTS,
  RATE_LIMITED: status.RESOURCE_EXHAUSTED,
  NOT_FOUND: status.NOT_FOUND,
  UNAUTHENTICATED: status.UNAUTHENTICATED,
  FORBIDDEN: status.PERMISSION_DENIED,
  STALE_READ_MODEL: status.UNAVAILABLE,
  INTERNAL_SERVER_ERROR: status.INTERNAL,
};

/**
 * Any error as the RpcException Nest hands to grpc-js: status from the contract code, the same
 * safe message as HTTP, and the contract code and bad fields in the trailers.
 */
export function toRpcException(error: unknown): RpcException {
  const contract = toContractError(error);
  const metadata = new Metadata();
  metadata.set('contract-code', contract.code);
  if (contract.fields)
    metadata.set('fields-bin', Buffer.from(JSON.stringify(contract.fields), 'utf8'));
  return new RpcException({
    code: GRPC_STATUS[contract.code],
    message: contract.message,
    details: contract.message,
    metadata,
  });
}
