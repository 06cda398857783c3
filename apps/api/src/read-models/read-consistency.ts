import { Inject, Injectable } from '@nestjs/common';
import {
  comparePositions,
  EVENT_STORE,
  isPosition,
  type EventStore,
  type Position,
} from '@app/event-store';
import { MESSAGES } from '@app/domain';
import { BadUserInput, StaleReadModel } from '@app/runtime/errors/app-errors';
import { LogHead } from '@app/runtime/event-store/log-head';
import { Projections } from '@app/runtime/projections/projections';

/** How long a read waits for the position it names before STALE_READ_MODEL. */
export const CONSISTENT_WITH_TIMEOUT_MS = 5000;
/** How long a read without `consistentWith` waits for the head it knows before answering anyway. */
export const HEAD_WAIT_MS = 1000;

/**
 * Waits on the projections' checkpoint signal (never polls in the request), fed by this process's
 * projector or by the one in apps/projector (see ExternalProjections). With `consistentWith` the read
 * answers only once that position is projected; without it, it waits (never failing for lag) for
 * the head LogHead knows: this process's own writes at once, other processes' within
 * HEAD_REFRESH_MS. Across instances, `consistentWith` is the guarantee.
 */
@Injectable()
export class ReadConsistency {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly projections: Projections,
    private readonly head: LogHead,
  ) {}

  /**
   * Waits until the read models have projected everything appended so far (for a write that
   * decides from them, such as issuing a roll); STALE_READ_MODEL when they cannot within the
   * `consistentWith` wait.
   */
  async ensureCaughtUp(): Promise<void> {
    const signal = this.projections.signal;
    // stopped projections will not catch up: nothing may be decided from them
    if (signal.hasFailed) throw new StaleReadModel();
    const head = await this.events.headPosition();
    if (head === null || signal.reached(head)) return;
    const outcome = await signal.waitFor(head, CONSISTENT_WITH_TIMEOUT_MS);
    if (outcome !== 'reached') throw new StaleReadModel();
  }

  /**
   * Whether a read without `consistentWith` may answer now: `ensure(null)` would not wait,
   * because the head LogHead knows without asking is projected (or the projections failed, or
   * the log is empty). False when it cannot tell without waiting.
   */
  settledNow(): boolean {
    const head = this.head.known();
    return head !== undefined && !this.waitsFor(head);
  }

  async ensure(consistentWith: string | null | undefined): Promise<void> {
    const signal = this.projections.signal;
    if (consistentWith === null || consistentWith === undefined) {
      const head = await this.head.current();
      if (this.waitsFor(head)) await signal.waitFor(head, HEAD_WAIT_MS);
      return;
    }
    if (!isPosition(consistentWith) || consistentWith === 'start') throw notAPosition();
    let reached: boolean;
    try {
      reached = signal.reached(consistentWith);
    } catch {
      throw notAPosition(); // a position of another kind of store
    }
    if (reached) return;
    const head = await this.events.headPosition();
    if (head === null) return; // an empty log (a no-op answered "0"): nothing to wait for
    // a position the log has not reached cannot come from a write this service answered
    if (comparePositions(consistentWith, head) > 0) throw new StaleReadModel();
    const outcome = await signal.waitFor(consistentWith, CONSISTENT_WITH_TIMEOUT_MS);
    if (outcome !== 'reached') throw new StaleReadModel();
  }

  /**
   * Whether a read without `consistentWith` waits for `head`: not for an empty log, not once the
   * projections have failed (it would never come), not for a head already projected.
   */
  private waitsFor(head: Position | null): head is Position {
    const signal = this.projections.signal;
    return head !== null && !signal.hasFailed && !signal.reached(head);
  }
}

const notAPosition = () =>
  new BadUserInput([{ field: 'consistentWith', message: MESSAGES.position }]);
