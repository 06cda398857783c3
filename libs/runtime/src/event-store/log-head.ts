import { comparePositions, type EventStore, type Position } from '@app/event-store';

/** How old the log's head may be when a read without `consistentWith` asks for it. */
export const HEAD_REFRESH_MS = 25;

/**
 * The newest position of the global log this process knows of, for reads that wait for it
 * without `consistentWith`: what this process appended, at once (CommandPath tells it), and the
 * store's head, asked again when the last answer is HEAD_REFRESH_MS old. One question serves every
 * read in that window, so a read costs no query (on EventStoreDB, no round trip); what another
 * process appended is seen within the window. Callers that need the exact head ask the store.
 */
export class LogHead {
  private appended: Position | null = null;
  private asked: Promise<Position | null> | undefined;
  private askedAt = 0;
  /** the store's answer to the last question, once it is in */
  private answer: { head: Position | null } | undefined;

  constructor(
    private readonly events: EventStore,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** An append of this process committed at `position`. */
  appendedAt(position: Position): void {
    if (this.appended === null || comparePositions(position, this.appended) > 0)
      this.appended = position;
  }

  async current(): Promise<Position | null> {
    const now = this.now();
    if (this.asked === undefined || now - this.askedAt >= HEAD_REFRESH_MS) {
      const asking = this.events.headPosition();
      this.asked = asking;
      this.askedAt = now;
      this.answer = undefined;
      asking.then(
        (head) => {
          if (this.asked === asking) this.answer = { head };
        },
        () => {
          if (this.asked === asking) this.asked = undefined; // the next read asks again
        },
      );
    }
    return this.withAppended(await this.asked);
  }

  /**
   * What `current` would answer without asking the store: the head, when the last answer is in
   * and still inside its window; undefined when `current` would wait for the store.
   */
  known(): Position | null | undefined {
    if (this.answer === undefined || this.now() - this.askedAt >= HEAD_REFRESH_MS) return undefined;
    return this.withAppended(this.answer.head);
  }

  private withAppended(head: Position | null): Position | null {
    if (head === null) return this.appended;
    if (this.appended === null) return head;
    return comparePositions(this.appended, head) > 0 ? this.appended : head;
  }
}
