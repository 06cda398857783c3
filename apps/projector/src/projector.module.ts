import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { READ_MODEL_STORE, type ReadModelStore } from '@app/read-models';
import { APP_CONFIG, type AppConfig } from '../../api/src/config/app-config';
import { HealthController } from '../../api/src/health/health.controller';
import {
  HEALTH_CONTRIBUTORS,
  type HealthContributor,
} from '../../api/src/health/health-contributor';
import { EventStoreModule } from '../../api/src/infrastructure/event-store.module';
import { LoggingModule } from '../../api/src/logging/logging.module';
import { MetricsController } from '../../api/src/metrics/metrics.controller';
import { Projections } from '../../api/src/read-models/projections';
import { ProjectionsHealth } from '../../api/src/read-models/projections.health';
import { ProjectionsMetrics } from '../../api/src/read-models/projections.metrics';
import { LeaderProjections, processName } from '../../api/src/read-models/leader-projections';
import { createReadModelStore } from '../../api/src/read-models/read-model-store.factory';

/**
 * The projections as their own process: the same configuration, event store, read-model store
 * and projector as the api's, plus GET /health (checkpoints, lag, failure) and GET /metrics.
 * It serves no queries; api instances with PROJECTIONS=external follow its checkpoints.
 */
@Module({})
export class ProjectorModule implements OnApplicationShutdown {
  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ProjectorModule,
      global: true,
      imports: [LoggingModule.forRoot(config), EventStoreModule],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: READ_MODEL_STORE, inject: [APP_CONFIG], useFactory: createReadModelStore },
        {
          provide: Projections,
          inject: [EVENT_STORE, READ_MODEL_STORE],
          useFactory: (events: EventStore, store: ReadModelStore) =>
            new LeaderProjections(events, store, processName('projector'), true),
        },
        ProjectionsHealth,
        ProjectionsMetrics,
        {
          provide: HEALTH_CONTRIBUTORS,
          inject: [ProjectionsHealth],
          useFactory: (...contributors: HealthContributor[]) => contributors,
        },
      ],
      exports: [APP_CONFIG],
    };
  }

  /** After the projector stopped (module destroy); the event store closes in its own module. */
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
