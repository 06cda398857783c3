import { comparePositions } from '@app/event-store';

/** Orders positions of one store (or access-log seqs); '0' is the empty chain's, before all. */
export const comparePosition = (a: string, b: string): number =>
  comparePositions(a === '0' ? 'start' : a, b === '0' ? 'start' : b);

/** What history:verify found, by kind; `detail` names positions, streams and ids only. */
export type FindingKind =
  | 'EDITED'
  | 'MOVED'
  | 'UNLINKED'
  | 'MISSING'
  | 'REWRITTEN'
  | 'TRUNCATED'
  | 'STREAM_GAP'
  | 'STREAM_REWRITTEN'
  | 'STREAM_TRUNCATED'
  | 'STREAM_DELETED'
  | 'STREAM_MOVED'
  | 'ACCESS_EDITED'
  | 'ACCESS_MISSING'
  | 'ACCESS_REWRITTEN'
  | 'ACCESS_TRUNCATED'
  | 'CHECKPOINT_FORGED';

export interface Finding {
  kind: FindingKind;
  detail: string;
}

/** A checkpoint as the verifier walks past it: where it stands, its head, when it was signed. */
export interface HeadToMatch {
  position: string;
  head: string;
  at: string;
}

/**
 * Compares a chain, recomputed from the start, with the signed heads as the walk passes them:
 * `reached(position)` before each row, `done()` at the end. A head whose position was never
 * reached exactly, or whose link differs, was rewritten; one beyond the end, truncated.
 */
export class HeadMatcher {
  private next = 0;
  private matchedUpTo: string | null = null;
  position = '0';
  link: string;

  constructor(
    private readonly heads: readonly HeadToMatch[],
    genesis: string,
    private readonly report: (kind: 'REWRITTEN' | 'TRUNCATED', detail: string) => void,
    private readonly what: string,
  ) {
    this.link = genesis;
  }

  /** The chain now stands at `position` with `link`; checks the heads at or before the row to come. */
  advance(position: string, link: string): void {
    this.position = position;
    this.link = link;
  }

  /** Checks every head that lies before `upcoming` (a position not yet folded in). */
  before(upcoming: string): void {
    while (
      this.next < this.heads.length &&
      comparePosition(this.heads[this.next].position, upcoming) < 0
    )
      this.check(this.heads[this.next++]);
  }

  done(): void {
    while (this.next < this.heads.length) {
      const head = this.heads[this.next++];
      if (comparePosition(this.position, head.position) < 0)
        this.report(
          'TRUNCATED',
          `the ${this.what} ends at ${this.position}, but the checkpoint of ${head.at} vouches for ${head.position}: the rows after ${this.position} were removed`,
        );
      else this.check(head);
    }
  }

  private check(head: HeadToMatch): void {
    if (this.position === head.position && this.link === head.head) {
      this.matchedUpTo = head.position;
      return;
    }
    const since =
      this.matchedUpTo === null ? '' : ` (it still matched the checkpoint at ${this.matchedUpTo})`;
    this.report(
      'REWRITTEN',
      `the ${this.what} up to ${head.position} no longer matches the checkpoint of ${head.at}: rows at or before it were changed, removed, added or re-linked${since}`,
    );
  }
}
