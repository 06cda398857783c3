import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CasesModule } from '../cases/cases.module';
import { AgencyActsService } from './agency-acts.service';
import { GuardianshipActsGrpcController } from './grpc/guardianship-acts.grpc.controller';
import { GuardianshipActsController } from './guardianship-acts.controller';
import { KeyClaims } from './idempotency/key-claims';

/** The agency API: guardianship acts from courts and procuratorates, over REST and gRPC. */
@Module({
  imports: [AuthModule, CasesModule],
  controllers: [GuardianshipActsController, GuardianshipActsGrpcController],
  providers: [AgencyActsService, KeyClaims],
})
export class AgencyModule {}
