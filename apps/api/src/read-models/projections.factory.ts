import type { EventStore } from '@app/event-store';
import type { ReadModelStore } from '@app/read-models';
import type { AppConfig } from '../config/app-config';
import { ExternalProjections } from './external-projections';
import { Projections } from './projections';
import { ProjectionsRunner } from './projections-runner';

/** PROJECTIONS=internal runs the projector here; external follows apps/projector's checkpoints. */
export function createProjections(
  config: Pick<AppConfig, 'projections'>,
  events: EventStore,
  store: ReadModelStore,
): Projections {
  return config.projections === 'internal'
    ? new ProjectionsRunner(events, store)
    : new ExternalProjections(store);
}
