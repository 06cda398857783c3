import type { EventStore } from '@app/event-store';
import type { ReadModelStore } from '@app/read-models';
import type { AppConfig } from '../config/app-config';
import { LeaderProjections, processName } from './leader-projections';
import { Projections } from './projections';

/**
 * PROJECTIONS=internal: this api projects when no other process does (the store's projector
 * lock); external: it only follows the checkpoints of apps/projector.
 */
export function createProjections(
  config: Pick<AppConfig, 'projections' | 'policy'>,
  events: EventStore,
  store: ReadModelStore,
): Projections {
  return new LeaderProjections(
    events,
    store,
    processName('api'),
    config.projections === 'internal',
    config.policy.case,
  );
}
