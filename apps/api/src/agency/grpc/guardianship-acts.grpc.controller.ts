import type { Metadata } from '@grpc/grpc-js';
import { Controller, Inject, Logger } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { ApiExcludeController } from '@nestjs/swagger';
import { TokenService } from '../../auth/token.service';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { PerCallerLimit } from '../../http/per-caller-limit';
import { toContractError } from '../../errors/to-contract-error';
import { correlationIdOf } from '../../graphql/request-context';
import { AgencyActsService } from '../agency-acts.service';
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
  private readonly limit: PerCallerLimit;

  constructor(
    private readonly acts: AgencyActsService,
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limit = new PerCallerLimit(config.rateLimits.agencyPerMinute);
  }

  @GrpcMethod('GuardianshipActs', 'RecordGuardianshipAct')
  async record(
    request: RecordGuardianshipActRequest,
    metadata: Metadata,
  ): Promise<RecordGuardianshipActResponse> {
    try {
      this.limit.take(textOf(metadata, 'authorization'));
      const principal = this.tokens.fromAuthorizationHeader(textOf(metadata, 'authorization'));
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
