import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import {
  Projector,
  READ_MODEL_STORE,
  type CheckpointSignal,
  type ProjectorStatus,
  type ReadModelStore,
} from '@app/read-models';

/** The in-process projector: started with the app, stopped before the stores close. */
@Injectable()
export class ProjectionsRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly projector: Projector;

  constructor(
    @Inject(EVENT_STORE) events: EventStore,
    @Inject(READ_MODEL_STORE) store: ReadModelStore,
  ) {
    const logger = new Logger('Projections');
    this.projector = new Projector(events, store, {
      log: { info: (m) => logger.log(m), error: (m) => logger.error(m) },
    });
  }

  get signal(): CheckpointSignal {
    return this.projector.signal;
  }

  status(): ProjectorStatus {
    return this.projector.status();
  }

  onApplicationBootstrap(): Promise<void> {
    return this.projector.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.projector.stop();
  }
}
