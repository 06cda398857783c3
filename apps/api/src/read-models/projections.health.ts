import { Inject, Injectable } from '@nestjs/common';
import type { Position } from '@app/event-store';
import {
  lowestPosition,
  positionLag,
  PROJECTIONS,
  READ_MODEL_STORE,
  type ReadModelStore,
} from '@app/read-models';
import type { HealthContributor } from '../health/health-contributor';
import { Projections } from './projections';

/**
 * Each projection's stored checkpoint and its lag behind the log's head (the same in-process or
 * with apps/projector elsewhere), and why it stopped when this process runs it.
 */
@Injectable()
export class ProjectionsHealth implements HealthContributor {
  readonly name = 'projections';

  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    private readonly projections: Projections,
  ) {}

  async health(head: Position | null) {
    const failure = this.projections.failure();
    const stored = new Map(
      (await this.store.checkpoints()).map((c) => [c.projection, c.position] as const),
    );
    const checkpoints = PROJECTIONS.map((p) => stored.get(p) ?? null);
    const checkpoint = lowestPosition(checkpoints);
    const projections = Object.fromEntries(
      PROJECTIONS.map((projection, i) => [
        projection,
        {
          status:
            failure === null ? 'ok' : failure.projection === projection ? 'failing' : 'halted',
          checkpoint: checkpoints[i],
          lag: positionLag(head, checkpoints[i]),
        },
      ]),
    );
    const heldBy = this.projections.holderElsewhere();
    return {
      status: failure === null ? ('ok' as const) : ('failing' as const),
      runner: this.projections.mode,
      // standing by: another process projects into the same store (a tool, another instance)
      ...(heldBy && { heldBy }),
      checkpoint,
      lag: positionLag(head, checkpoint),
      projections,
      ...(failure && {
        failure: {
          projection: failure.projection,
          position: failure.position,
          type: failure.type,
          error: failure.error,
        },
      }),
    };
  }
}
