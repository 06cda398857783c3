import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@app/event-store';
import {
  Projector,
  type CheckpointSignal,
  type ProjectionFailure,
  type ReadModelStore,
} from '@app/read-models';
import { Projections } from './projections';

/** The projector in this process: started with the app, stopped before its module closes the stores. */
export class ProjectionsRunner
  extends Projections
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  readonly mode = 'in-process';
  private readonly projector: Projector;

  constructor(events: EventStore, store: ReadModelStore) {
    super();
    const logger = new Logger('Projections');
    this.projector = new Projector(events, store, {
      log: { info: (m) => logger.log(m), error: (m) => logger.error(m) },
    });
  }

  get signal(): CheckpointSignal {
    return this.projector.signal;
  }

  failure(): ProjectionFailure | null {
    return this.projector.status().failure;
  }

  onApplicationBootstrap(): Promise<void> {
    return this.projector.start();
  }

  /** After the HTTP server has let the requests in flight finish (their reads may wait on us). */
  onApplicationShutdown(): Promise<void> {
    return this.projector.stop();
  }
}
