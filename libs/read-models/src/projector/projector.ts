import type { AllSubscription, EventStore, Position, StoredEvent } from '@app/event-store';
import type { CasePolicy } from '@app/domain';
import type { ReadModelStore } from '../read-model-store.port';
import { PROJECTIONS, type ProjectionFailure } from '../projections/project-batch';
import { describeError } from '../projections/unhandled-event';
import { applyBatch } from './apply-batch';
import { CheckpointSignal } from './checkpoint-signal';
import { lowestPosition } from './checkpoints';

export interface ProjectorLog {
  info(message: string): void;
  error(message: string): void;
}

export interface ProjectorOptions {
  /** the configured policy (the same the write side decides with) */
  policy: CasePolicy;
  /** most events per transaction; a batch also ends whenever the log has nothing more ready */
  batchSize?: number;
  log?: ProjectorLog;
  /** the signal to move (one that outlives this projector); a new one by default */
  signal?: CheckpointSignal;
  /**
   * Told when the projections stop by themselves. `retryable`: the store or the log failed, or
   * another process moved the checkpoint; false: an event the projections cannot handle.
   */
  onStop?: (failure: ProjectionFailure, retryable: boolean) => void;
}

export type ProjectorStatus = {
  running: boolean;
  checkpoint: Position | null;
  failure: ProjectionFailure | null;
};

const IDLE = Symbol('idle');
const idle = (): Promise<typeof IDLE> =>
  new Promise((resolve) => setImmediate(() => resolve(IDLE)));
const silent: ProjectorLog = { info: () => undefined, error: () => undefined };

/**
 * Feeds the read models from the global log: subscribes from the stored checkpoint, applies what
 * is ready as one batch (one transaction with its checkpoint), then signals the new checkpoint.
 * On an event it cannot handle it commits what came before, logs the position and type, and stops.
 */
export class Projector {
  readonly signal: CheckpointSignal;
  private subscription: AllSubscription | undefined;
  private loop: Promise<void> | undefined;
  private failure: ProjectionFailure | null = null;
  private readonly policy: CasePolicy;
  private readonly batchSize: number;
  private readonly log: ProjectorLog;
  private readonly onStop: NonNullable<ProjectorOptions['onStop']>;

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadModelStore,
    options: ProjectorOptions,
  ) {
    this.policy = options.policy;
    this.batchSize = options.batchSize ?? 500;
    this.log = options.log ?? silent;
    this.signal = options.signal ?? new CheckpointSignal();
    this.onStop = options.onStop ?? (() => undefined);
  }

  /** Resumes from the stored checkpoint; resolves once subscribed (not once caught up). */
  async start(): Promise<void> {
    if (this.loop) return;
    const checkpoint = await this.resumeFrom();
    this.failure = null;
    this.signal.reset(checkpoint ?? 'start');
    const subscription = this.events.subscribeToAll({ fromPosition: checkpoint ?? 'start' });
    this.subscription = subscription;
    this.loop = this.consume(subscription).catch((error: unknown) => {
      this.stopWith(
        {
          projection: 'case-summary',
          position: String(this.signal.position),
          type: '(subscription)',
          streamId: '',
          error: describeError(error),
        },
        true,
      );
    });
    this.log.info(`projections resume after position ${checkpoint ?? 'start'}`);
  }

  /**
   * The stored checkpoint; when the stored projections are not this code's (one added or
   * renamed), the models are emptied and rebuilt from the start.
   */
  private async resumeFrom(): Promise<Position | null> {
    const stored = await this.store.checkpoints();
    const names = stored.map((c) => c.projection).sort();
    if (stored.length > 0 && names.join() !== [...PROJECTIONS].sort().join()) {
      this.log.info(`projections changed (${names.join(', ')}): rebuilding from the start`);
      await this.store.reset();
      return null;
    }
    return lowestPosition(stored.map((c) => c.position));
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
    await this.loop;
    this.loop = undefined;
  }

  status(): ProjectorStatus {
    const position = this.signal.position;
    return {
      running: this.loop !== undefined && this.failure === null,
      checkpoint: position === 'start' ? null : position,
      failure: this.failure,
    };
  }

  private async consume(subscription: AllSubscription): Promise<void> {
    const iterator = subscription[Symbol.asyncIterator]();
    let batch: StoredEvent[] = [];
    let next = iterator.next();
    for (;;) {
      let result = batch.length === 0 ? await next : await Promise.race([next, idle()]);
      if (result === IDLE) {
        if (!(await this.flush(batch))) return;
        batch = [];
        result = await next;
      }
      if (result.done) break;
      batch.push(result.value);
      next = iterator.next();
      if (batch.length >= this.batchSize) {
        if (!(await this.flush(batch))) return;
        batch = [];
      }
    }
    if (batch.length > 0) await this.flush(batch);
  }

  /** False when the projections stopped on this batch. */
  private async flush(batch: readonly StoredEvent[]): Promise<boolean> {
    let result;
    const from = this.signal.position;
    try {
      result = await applyBatch(this.store, batch, this.policy, from === 'start' ? null : from);
    } catch (error) {
      const first = batch[0];
      this.stopWith(
        {
          projection: 'case-summary',
          position: first.position,
          type: first.type,
          streamId: first.streamId,
          error: `store: ${describeError(error)}`,
        },
        true,
      );
      return false;
    }
    if (result.checkpoint !== null)
      this.signal.advance(
        result.checkpoint,
        result.changes.cases.map((c) => c.summary.caseId),
      );
    if (result.failure === null) return true;
    this.stopWith(result.failure, false);
    return false;
  }

  private stopWith(failure: ProjectionFailure, retryable: boolean): void {
    this.failure = failure;
    this.signal.fail();
    this.log.error(
      `projection ${failure.projection} stopped at position ${failure.position} on event type ` +
        `${failure.type}: ${failure.error}`,
    );
    void this.subscription?.stop();
    this.onStop(failure, retryable);
  }
}
