import { Injectable } from '@nestjs/common';
import type { Position } from '@app/event-store';
import { positionLag, PROJECTIONS } from '@app/read-models';
import type { HealthContributor } from '../health/health-contributor';
import { ProjectionsRunner } from './projections-runner';

/** Each projection's checkpoint, its lag behind the log's head, and why it stopped if it did. */
@Injectable()
export class ProjectionsHealth implements HealthContributor {
  readonly name = 'projections';

  constructor(private readonly runner: ProjectionsRunner) {}

  async health(head: Position | null) {
    const { checkpoint, failure } = this.runner.status();
    const lag = positionLag(head, checkpoint);
    const projections = Object.fromEntries(
      PROJECTIONS.map((projection) => [
        projection,
        {
          status:
            failure === null ? 'ok' : failure.projection === projection ? 'failing' : 'halted',
          checkpoint,
          lag,
        },
      ]),
    );
    return {
      status: failure === null ? ('ok' as const) : ('failing' as const),
      checkpoint,
      lag,
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
