import type { EventStore } from '@app/event-store';
import type {
  CheckpointWatch,
  ProjectorHolder,
  ProjectorLease,
  ProjectorLock,
  ReadModelStore,
} from '../read-model-store.port';
import type { ProjectionFailure } from '../projections/project-batch';
import { describeError } from '../projections/unhandled-event';
import { CheckpointSignal } from './checkpoint-signal';
import { describeHolder } from './projector-holder';
import { Projector, type ProjectorLog, type ProjectorOptions } from './projector';

/** leader: this process projects; standby: it could, another does; follower: it never does. */
export type ProjectorRole = 'leader' | 'standby' | 'follower';

export interface ProjectorLeadershipOptions extends Omit<ProjectorOptions, 'signal' | 'onStop'> {
  /** how this process names itself to the others (shown in every /health) */
  name: string;
  /** false: never project, only follow the checkpoints (an api with PROJECTIONS=external) */
  candidate: boolean;
  /** how often a standby tries for the lock, and waits after a failure; default 500 ms */
  retryMs?: number;
}

const silent: ProjectorLog = { info: () => undefined, error: () => undefined };

/**
 * One projector at a time for a read-model store, however many processes could run one. A
 * candidate takes the store's projector lock and projects, or stands by and tries again every
 * `retryMs`; a follower never tries. Whoever does not project follows the checkpoints the leader
 * commits, so `signal` (what `consistentWith` waits on) moves in every process alike.
 *
 * The leader steps down (and tries again after `retryMs`) when its lock's connection drops, or
 * when the store or the log fail, or another writer moved the checkpoint (its batches are fenced:
 * see `fence`), so a kill -9 of the leader is replaced within a `retryMs` or two, and the new
 * leader resumes from the stored checkpoint. An event the projections cannot handle stops the
 * leader for good, keeping its lock: no other projector would do better. It records why in the
 * store, for the processes following it to show.
 */
export class ProjectorLeadership {
  readonly signal = new CheckpointSignal();
  private readonly log: ProjectorLog;
  private readonly retryMs: number;
  private readonly lock: ProjectorLock;
  private projector: Projector | undefined;
  private lease: ProjectorLease | undefined;
  private watch: CheckpointWatch | undefined;
  private timer: NodeJS.Timeout | undefined;
  private failure: ProjectionFailure | null = null;
  private stopped = false;
  /** said once per standby which process it waits for */
  private announced = false;
  /** role changes run one at a time */
  private changes: Promise<void> = Promise.resolve();

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadModelStore,
    private readonly options: ProjectorLeadershipOptions,
  ) {
    this.log = options.log ?? silent;
    this.retryMs = options.retryMs ?? 500;
    this.lock = store.projectorLock(options.name);
  }

  get role(): ProjectorRole {
    if (!this.options.candidate) return 'follower';
    return this.projector ? 'leader' : 'standby';
  }

  /** Why this process's projections stopped (only a leader knows its own). */
  ownFailure(): ProjectionFailure | null {
    return this.failure;
  }

  /** Who projects now, as the store's lock says. */
  leader(): Promise<ProjectorHolder | null> {
    return this.lock.holder();
  }

  /** Follows the checkpoints and, as a candidate, makes one attempt to lead before resolving. */
  start(): Promise<void> {
    return this.change(async () => {
      this.follow();
      if (this.options.candidate) await this.tryToLead();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.change(async () => {
      await this.stepDown();
      await this.lock.close();
      await this.watch?.stop();
      this.watch = undefined;
    });
  }

  private change(work: () => Promise<void>): Promise<void> {
    const next = this.changes.then(work);
    this.changes = next.catch((error: unknown) => {
      this.log.error(`projector leadership: ${describeError(error)}`);
      this.retryLater();
    });
    return next;
  }

  private retryLater(): void {
    if (this.stopped || !this.options.candidate) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.change(() => this.tryToLead()), this.retryMs);
    this.timer.unref();
  }

  /** The checkpoints another process commits: forward moves advance, anything else invalidates. */
  private follow(): void {
    if (this.watch || this.stopped) return;
    this.watch = this.store.watchCheckpoints(
      (position) => {
        if (this.signal.reached(position)) this.signal.invalidate();
        else this.signal.advance(position);
      },
      { onError: (error) => this.log.error(`following the checkpoints: ${describeError(error)}`) },
    );
  }

  private async tryToLead(): Promise<void> {
    if (this.stopped || this.projector) return;
    const lease = await this.lock.tryAcquire();
    if (lease === null) {
      if (!this.announced) await this.announceStandby();
      return this.retryLater();
    }
    this.announced = false;
    await this.watch?.stop();
    this.watch = undefined;
    this.lease = lease;
    this.failure = null;
    const projector = new Projector(this.events, this.store, {
      ...this.options,
      signal: this.signal,
      onStop: (failure, retryable) =>
        void this.change(() => this.projectorStopped(failure, retryable)),
    });
    this.projector = projector;
    void lease.lost.then(() => {
      if (this.lease !== lease) return;
      this.log.error('projector lock lost (its connection dropped): stepping down');
      void this.change(() => this.stepDownAndRetry(lease));
    });
    try {
      await this.store.recordFailure(null);
      await projector.start();
    } catch (error) {
      await this.stepDownAndRetry(lease);
      throw error;
    }
    this.log.info(`projecting as ${this.options.name}`);
  }

  /** Normal where several processes share a store: information, not a warning. */
  private async announceStandby(): Promise<void> {
    this.announced = true;
    const holder = await this.lock.holder().catch(() => null);
    this.log.info(
      `the read models are projected by ${describeHolder(holder)}: following its checkpoints, ` +
        'and projecting here once it lets go',
    );
  }

  private async projectorStopped(failure: ProjectionFailure, retryable: boolean): Promise<void> {
    if (retryable) return this.stepDownAndRetry(this.lease);
    this.failure = failure;
    const { projection, position, type, error } = failure;
    const at = new Date().toISOString();
    await this.store.recordFailure({
      projection,
      position,
      type,
      error,
      by: this.options.name,
      at,
    });
  }

  private async stepDownAndRetry(lease: ProjectorLease | undefined): Promise<void> {
    if (lease === undefined || this.lease !== lease) return;
    await this.stepDown();
    this.follow();
    this.retryLater();
  }

  private async stepDown(): Promise<void> {
    const [projector, lease] = [this.projector, this.lease];
    this.projector = undefined;
    this.lease = undefined;
    await projector?.stop();
    await lease?.release();
  }
}
