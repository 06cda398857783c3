import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@app/event-store';
import {
  describeHolder,
  Projector,
  thisProcess,
  type CheckpointSignal,
  type CheckpointWatch,
  type ProjectionFailure,
  type ProjectionHolder,
  type ProjectionLease,
  type ReadModelStore,
} from '@app/read-models';
import { Projections } from './projections';

/** How often a process standing by asks again for the read models. */
export const STANDBY_RETRY_MS = 1000;

/**
 * The projector in this process, when it holds the read-model store (one projector per store,
 * whatever runs beside: another api, apps/projector, a tool). While another process holds it,
 * this one stands by: it follows the checkpoints that process commits (so `consistentWith` reads
 * keep working), asks again every STANDBY_RETRY_MS, and projects once it may. Started with the
 * app, stopped before its module closes the stores.
 */
export class ProjectionsRunner
  extends Projections
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly projector: Projector;
  private readonly logger = new Logger('Projections');
  private lease: ProjectionLease | undefined;
  private heldBy: ProjectionHolder | null = null;
  private watch: CheckpointWatch | undefined;
  private retry: NodeJS.Timeout | undefined;
  private claiming = false;
  private stopped = false;

  constructor(
    events: EventStore,
    private readonly store: ReadModelStore,
    private readonly holder: ProjectionHolder = thisProcess(),
    private readonly retryMs = STANDBY_RETRY_MS,
  ) {
    super();
    this.projector = new Projector(events, store, {
      log: { info: (m) => this.logger.log(m), error: (m) => this.logger.error(m) },
    });
  }

  get mode(): 'in-process' | 'standby' {
    return this.lease ? 'in-process' : 'standby';
  }

  get signal(): CheckpointSignal {
    return this.projector.signal;
  }

  failure(): ProjectionFailure | null {
    return this.projector.status().failure;
  }

  override holderElsewhere(): ProjectionHolder | null {
    return this.lease ? null : this.heldBy;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!(await this.claim())) this.standBy();
  }

  /** After the HTTP server has let the requests in flight finish (their reads may wait on us). */
  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.retry);
    await this.watch?.stop();
    await this.projector.stop();
    await this.lease?.release();
  }

  /** Takes the store and starts projecting, or learns who holds it. */
  private async claim(): Promise<boolean> {
    const claim = await this.store.claimProjection(this.holder);
    if ('heldBy' in claim) {
      this.heldBy = claim.heldBy;
      return false;
    }
    if (this.stopped) {
      await claim.lease.release(); // granted while shutting down: nothing to project any more
      return false;
    }
    this.lease = claim.lease;
    void claim.lease.lost.then(() => this.leaseLost(claim.lease));
    clearInterval(this.retry);
    this.retry = undefined;
    await this.watch?.stop();
    this.watch = undefined;
    await this.projector.start();
    return true;
  }

  private standBy(): void {
    if (this.stopped) return;
    // normal where several instances share a store: information, not a warning
    this.logger.log(
      `the read models are projected by ${describeHolder(this.heldBy)}: following its ` +
        'checkpoints, and projecting here once it lets go',
    );
    const signal = this.projector.signal;
    this.watch = this.store.watchCheckpoints(
      (position) => {
        if (!signal.reached(position)) signal.advance(position);
      },
      { onError: (error) => this.logger.warn(`following the checkpoints: ${errorText(error)}`) },
    );
    this.retry = setInterval(() => void this.claimAgain(), this.retryMs);
    this.retry.unref();
  }

  private async claimAgain(): Promise<void> {
    if (this.claiming || this.stopped) return;
    this.claiming = true;
    try {
      if (await this.claim()) this.logger.log('took over the read models: projecting here');
    } catch (error) {
      this.logger.warn(`asking for the read models: ${errorText(error)}`);
    } finally {
      this.claiming = false;
    }
  }

  /** The connection holding the lease dropped: stop writing, and stand by until it comes back. */
  private async leaseLost(lease: ProjectionLease): Promise<void> {
    if (this.stopped || this.lease !== lease) return;
    this.logger.error('lost the hold on the read models: projecting stopped, standing by');
    this.lease = undefined;
    this.heldBy = null;
    await this.projector.stop();
    this.standBy();
  }
}

const errorText = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
