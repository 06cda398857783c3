import { hostname } from 'node:os';
import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { CasePolicy } from '@app/domain';
import type { EventStore } from '@app/event-store';
import {
  ProjectorLeadership,
  type CheckpointSignal,
  type ProjectionFailure,
  type ProjectorHolder,
  type ReadModelStore,
} from '@app/read-models';
import { Projections } from './projections';

/** How a process names itself in the projector lock: what it is, its host and its pid. */
export const processName = (kind: 'api' | 'projector' | 'rebuild'): string =>
  `${kind} ${process.pid}@${hostname()}`;

/**
 * The projections of this process as ProjectorLeadership runs them: a candidate (apps/projector,
 * an api with PROJECTIONS=internal) projects when it holds the store's projector lock and follows
 * the leader otherwise; an api with PROJECTIONS=external only follows. Started with the app,
 * stopped after the HTTP server let the requests in flight finish (their reads may wait on it).
 */
export class LeaderProjections
  extends Projections
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly leadership: ProjectorLeadership;

  constructor(
    events: EventStore,
    store: ReadModelStore,
    name: string,
    candidate: boolean,
    policy: CasePolicy,
  ) {
    super();
    const logger = new Logger('Projections');
    this.leadership = new ProjectorLeadership(events, store, {
      name,
      candidate,
      policy,
      log: { info: (m) => logger.log(m), error: (m) => logger.error(m) },
    });
  }

  get mode(): 'in-process' | 'standby' | 'external' {
    const role = this.leadership.role;
    return role === 'leader' ? 'in-process' : role === 'standby' ? 'standby' : 'external';
  }

  get signal(): CheckpointSignal {
    return this.leadership.signal;
  }

  failure(): ProjectionFailure | null {
    return this.leadership.ownFailure();
  }

  leader(): Promise<ProjectorHolder | null> {
    return this.leadership.leader();
  }

  onApplicationBootstrap(): Promise<void> {
    return this.leadership.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.leadership.stop();
  }
}
