import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import type { AppConfig } from '@app/runtime/config/app-config';
import { CONFIG_TOKENS, configProviders } from '@app/runtime/config/config.providers';
import { ScheduleModule } from '@nestjs/schedule';
import { AgencyModule } from './agency/agency.module';
import { AgeOutModule } from './age-out/age-out.module';
import { AccessLogModule } from './audit/access-log/access-log.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { ContractExceptionFilter } from './errors/contract-exception.filter';
import { CaseworkersModule } from './graphql/caseworkers/caseworkers.module';
import { ApiGraphQLModule } from './graphql/graphql.module';
import { HealthModule } from '@app/runtime/health/health.module';
import { EventStoreModule } from '@app/runtime/event-store/event-store.module';
import { LoggingModule } from '@app/runtime/logging/logging.module';
import { MetricsController } from '@app/runtime/metrics/metrics.controller';
import { ReadModelsModule } from './read-models/read-models.module';
import { RollsModule } from './rolls/rolls.module';
import { StandardsModule } from './standards/standards.module';
import { CandidatesModule } from './monitoring/candidates/candidates.module';
import { MonitoringModule } from './monitoring/monitoring.module';
import { createValidationPipe } from './validation/validation';
import { POLICY_RULES } from './validation/policy-rules';
import { PersonalDataModule } from './personal-data/erase-personal-information';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggingModule.forRoot(config),
        EventStoreModule,
        AuthModule,
        AccessLogModule,
        ApiGraphQLModule.forRoot(config),
        HealthModule,
        CasesModule,
        ReadModelsModule,
        ScheduleModule.forRoot(),
        AgeOutModule,
        AgencyModule,
        AuditModule,
        RollsModule,
        StandardsModule,
        CandidatesModule,
        MonitoringModule,
        PersonalDataModule,
        CaseworkersModule,
      ],
      controllers: [MetricsController],
      providers: [
        ...configProviders(config),
        ...POLICY_RULES,
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ContractExceptionFilter },
      ],
      exports: CONFIG_TOKENS,
    };
  }
}
