import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@app/runtime/config/app-config';
import { CONFIG_TOKENS, configProviders } from '@app/runtime/config/config.providers';
import { EventStoreModule } from '@app/runtime/event-store/event-store.module';
import { HealthModule } from '@app/runtime/health/health.module';
import { LoggingModule } from '@app/runtime/logging/logging.module';
import { MetricsController } from '@app/runtime/metrics/metrics.controller';
import { ProjectionsModule } from '@app/runtime/projections/projections.module';

/**
 * The projections as their own process: the same configuration, event store, read-model store
 * and projector as the api's, plus GET /health (checkpoints, lag, failure) and GET /metrics.
 * It serves no queries; api instances with PROJECTIONS=external follow its checkpoints.
 */
@Module({})
export class ProjectorModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ProjectorModule,
      global: true,
      imports: [
        LoggingModule.forRoot(config),
        EventStoreModule,
        ProjectionsModule.forRoot('projector'),
        HealthModule,
      ],
      controllers: [MetricsController],
      providers: configProviders(config),
      exports: CONFIG_TOKENS,
    };
  }
}
