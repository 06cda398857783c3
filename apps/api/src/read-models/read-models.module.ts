import { Global, Module } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import {
  EventLogKnownFacts,
  PaymentRolls,
  READ_MODEL_STORE,
  ReadModelQueries,
  type ReadModelStore,
} from '@app/read-models';
import { KnownStandards } from '../audit/known-standards';
import { AuthModule } from '../auth/auth.module';
import { APP_CONFIG, type AppConfig } from '@app/runtime/config/app-config';
import { CASE_POLICY } from '@app/runtime/config/policy';
import type { CasePolicy } from '@app/domain';
import { BenefitsResolver } from './benefits.resolver';
import { PaymentRollResolver } from './payment-roll.resolver';
import { PaymentForecastResolver } from './payment-forecast.resolver';
import { CaseReadCache } from './case-read-cache';
import { CaseReadCacheMetrics } from './case-read-cache.metrics';
import { CaseloadResolver } from './caseload.resolver';
import { CaseQueriesResolver } from './case-queries.resolver';
import { CasesResolver } from './cases.resolver';
import { HeavyReads } from './heavy-reads/heavy-reads';
import { PaymentFileController } from './payment-file/payment-file.controller';
import { PaymentRollController } from './payment-roll.controller';
import { Projections } from '@app/runtime/projections/projections';
import { ProjectionsModule } from '@app/runtime/projections/projections.module';
import { ReadConsistency } from './read-consistency';
import { RequestReadsProvider } from './request-reads';

/**
 * The read side: the store, the projections (the projector in this process, or apps/projector's
 * checkpoints followed with PROJECTIONS=external), the read queries of CONTRACT.md, the
 * payment-roll CSV and the projections' health. Global, so `case(id)` and /health can use it
 * without importing it.
 */
@Global()
@Module({
  imports: [AuthModule, ProjectionsModule.forRoot('api')],
  providers: [
    {
      provide: ReadModelQueries,
      inject: [READ_MODEL_STORE, CASE_POLICY],
      useFactory: (store: ReadModelStore, policy: CasePolicy) =>
        new ReadModelQueries(store, policy),
    },
    KnownStandards,
    {
      provide: PaymentRolls,
      inject: [READ_MODEL_STORE, EVENT_STORE, KnownStandards, CASE_POLICY],
      useFactory: (
        store: ReadModelStore,
        events: EventStore,
        standards: KnownStandards,
        policy: CasePolicy,
      ) =>
        new PaymentRolls(
          store,
          new EventLogKnownFacts(events, (knownAt) => standards.lookupAsKnownAt(knownAt)),
          policy,
        ),
    },
    {
      provide: CaseReadCache,
      inject: [APP_CONFIG, Projections],
      useFactory: (config: AppConfig, projections: Projections) =>
        new CaseReadCache(config.caseCacheSize, projections.signal),
    },
    ReadConsistency,
    RequestReadsProvider,
    CaseReadCacheMetrics,
    CaseQueriesResolver,
    CasesResolver,
    BenefitsResolver,
    HeavyReads,
    PaymentRollResolver,
    PaymentForecastResolver,
    CaseloadResolver,
  ],
  controllers: [PaymentRollController, PaymentFileController],
  exports: [
    ReadModelQueries,
    PaymentRolls,
    KnownStandards,
    CaseReadCache,
    ReadConsistency,
    RequestReadsProvider,
  ],
})
export class ReadModelsModule {}
