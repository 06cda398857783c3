import type { CheckpointSignal, ProjectionFailure, ProjectorHolder } from '@app/read-models';

/**
 * Where this process learns how far the read models have got: its own projector when it leads
 * (PROJECTIONS=internal, apps/projector), or the checkpoints the leading process commits.
 * `consistentWith` waits on `signal` either way. Also the DI token.
 */
export abstract class Projections {
  /** in-process: this process projects; standby: it could, another does; external: it never does */
  abstract readonly mode: 'in-process' | 'standby' | 'external';
  abstract readonly signal: CheckpointSignal;
  /** why this process's projector stopped (only the leader knows its own) */
  abstract failure(): ProjectionFailure | null;
  /** the process that projects now, as the store's projector lock says */
  abstract leader(): Promise<ProjectorHolder | null>;
}
