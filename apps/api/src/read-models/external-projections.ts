import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import {
  CheckpointSignal,
  projectionsCheckpoint,
  type CheckpointWatch,
  type ProjectionFailure,
  type ReadModelStore,
} from '@app/read-models';
import { Projections } from './projections';

/**
 * PROJECTIONS=external: apps/projector runs the projections; this instance follows the
 * checkpoints it commits (PostgreSQL LISTEN/NOTIFY, or the SQLite file's data_version) and feeds
 * them to the same signal `consistentWith` waits on, so reads stay consistent across processes.
 */
export class ExternalProjections
  extends Projections
  implements OnApplicationBootstrap, OnModuleDestroy
{
  readonly mode = 'external';
  readonly signal = new CheckpointSignal();
  private watch: CheckpointWatch | undefined;
  private readonly logger = new Logger('Projections');

  constructor(private readonly store: ReadModelStore) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    const stored = projectionsCheckpoint(await this.store.checkpoints());
    if (stored !== null) this.signal.advance(stored);
    this.watch = this.store.watchCheckpoints(
      (position) => {
        // notifications may cross a re-read after a reconnect: only ever move forward
        if (!this.signal.reached(position)) this.signal.advance(position);
      },
      { onError: (error) => this.logger.warn(`following the projector: ${errorText(error)}`) },
    );
    this.logger.log(`following the projector's checkpoints from ${stored ?? 'the start'}`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.watch?.stop();
    this.watch = undefined;
  }

  failure(): ProjectionFailure | null {
    return null;
  }
}

const errorText = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
