import type { CheckpointSignal, ProjectionFailure, ProjectionHolder } from '@app/read-models';

/**
 * Where this process learns how far the read models have got: its own projector (PROJECTIONS=
 * internal: `in-process`, or `standby` while another process holds the store), or the checkpoints
 * another process commits (external). `consistentWith` waits on `signal` either way. Also the DI
 * token.
 */
export abstract class Projections {
  abstract readonly mode: 'in-process' | 'standby' | 'external';
  abstract readonly signal: CheckpointSignal;
  /** why the projections stopped, when this process knows (only its own projector can say) */
  abstract failure(): ProjectionFailure | null;

  /** standby: the process that holds the read models (null when unknown or not standing by) */
  holderElsewhere(): ProjectionHolder | null {
    return null;
  }
}
