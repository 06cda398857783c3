import type { Metadata } from '@grpc/grpc-js';
import { Controller, Logger } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { ApiExcludeController } from '@nestjs/swagger';
import { TokenService } from '@app/runtime/auth/token.service';
import { BadUserInput } from '@app/runtime/errors/app-errors';
import { RateLimits } from '../../auth/rate-limits';
import { toContractError } from '@app/runtime/errors/to-contract-error';
import { correlationIdOf } from '../../auth/request-context';
import { AgencyActsService } from '../agency-acts.service';
import { isUndecodable } from './agency-grpc.options';
import { toRpcException } from './grpc-status';

/** proto/agency/v1/guardianship.proto's request, as the loader gives it (camelCase, enum names). */
interface RecordGuardianshipActRequest {
  idempotencyKey?: string;
  act?: string | number;
  childIdNumber?: string;
  caseId?: string;
  docketNumber?: string;
  decidedOn?: string;
  effectiveOn?: string;
  newGuardian?: { kind?: string | number; name?: string; relation?: string };
  notes?: string;
  petitioner?: string;
}

interface RecordGuardianshipActResponse {
  caseId: string;
  eventId: string;
  revision: number;
  position: string;
  replayed: boolean;
}

/** agency.v1.GuardianshipActs: the same service as POST /agency/v1/guardianship-acts. */
@ApiExcludeController()
@Controller()
export class GuardianshipActsGrpcController {
  private readonly logger = new Logger('AgencyGrpc');

  constructor(
    private readonly acts: AgencyActsService,
    private readonly tokens: TokenService,
    private readonly limits: RateLimits,
  ) {}

  @GrpcMethod('GuardianshipActs', 'RecordGuardianshipAct')
  async record(
    request: RecordGuardianshipActRequest,
    metadata: Metadata,
  ): Promise<RecordGuardianshipActResponse> {
    try {
      // the token, then the principal's limit (shared with REST), then the message
      const principal = this.tokens.fromAuthorizationHeader(textOf(metadata, 'authorization'));
      this.limits.agency.take(principal);
      if (isUndecodable(request))
        throw new BadUserInput([
          { field: 'message', message: 'is not a RecordGuardianshipActRequest' },
        ]);
      const { idempotencyKey, ...body } = request;
      const correlationId = correlationIdOf({
        'x-correlation-id': textOf(metadata, 'x-correlation-id'),
      });
      const outcome = await this.acts.record(
        principal,
        idempotencyKey,
        bodyOf(body),
        correlationId,
      );
      return { ...outcome.result, replayed: outcome.replayed };
    } catch (error) {
      if (toContractError(error).code === 'INTERNAL_SERVER_ERROR') {
        const err = { type: (error as Error)?.name, stack: (error as Error)?.stack };
        this.logger.error({ err }, 'gRPC call failed');
      }
      throw toRpcException(error);
    }
  }
}

function textOf(metadata: Metadata, key: string): string | undefined {
  const [value] = metadata.get(key);
  return typeof value === 'string' ? value : undefined;
}

/** Only the message's own fields (not the loader's virtual `child` oneof marker). */
function bodyOf(
  request: Omit<RecordGuardianshipActRequest, 'idempotencyKey'>,
): Record<string, unknown> {
  const {
    act,
    childIdNumber,
    caseId,
    docketNumber,
    decidedOn,
    effectiveOn,
    newGuardian,
    notes,
    petitioner,
  } = request;
  return {
    act,
    childIdNumber,
    caseId,
    docketNumber,
    decidedOn,
    effectiveOn,
    newGuardian,
    notes,
    petitioner,
  };
}
