import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { READ_MODEL_STORE, type ReadModelStore } from '@app/read-models';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { LeaderProjections, processName } from './leader-projections';
import { Projections } from './projections';
import { createProjections } from './projections.factory';
import { ProjectionsHealth } from './projections.health';
import { ProjectionsMetrics } from './projections.metrics';
import { createReadModelStore } from './read-model-store.factory';

/**
 * The read-model store and the projections that feed it, wired once for both processes: the api
 * (`api`: projects when no other process holds the projector lock, or follows apps/projector with
 * PROJECTIONS=external) and apps/projector (`projector`: always competes for the lock). Closes the
 * store after the application stopped.
 */
@Global()
@Module({})
export class ProjectionsModule implements OnApplicationShutdown {
  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  static forRoot(processRole: 'api' | 'projector'): DynamicModule {
    return {
      module: ProjectionsModule,
      global: true,
      providers: [
        { provide: READ_MODEL_STORE, inject: [APP_CONFIG], useFactory: createReadModelStore },
        {
          provide: Projections,
          inject: [APP_CONFIG, EVENT_STORE, READ_MODEL_STORE],
          useFactory: (config: AppConfig, events: EventStore, store: ReadModelStore) =>
            processRole === 'api'
              ? createProjections(config, events, store)
              : new LeaderProjections(
                  events,
                  store,
                  processName('projector'),
                  true,
                  config.policy.case,
                ),
        },
        ProjectionsHealth,
        ProjectionsMetrics,
      ],
      exports: [READ_MODEL_STORE, Projections, ProjectionsHealth],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
