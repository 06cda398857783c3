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
      asking.catch(() => {
        if (this.asked === asking) this.asked = undefined; // the next read asks again
      });
    }
    const head = await this.asked;
    if (head === null) return this.appended;
    if (this.appended === null) return head;
    return comparePositions(this.appended, head) > 0 ? this.appended : head;
  }
}
