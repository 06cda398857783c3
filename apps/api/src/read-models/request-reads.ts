import { Inject, Injectable } from '@nestjs/common';
import { businessDateOf, startOfBusinessDay, type StandardLookup } from '@app/domain';
import { ReadModelQueries } from '@app/read-models';
import { CLOCK, type Clock } from '@app/runtime/clock/clock';
import { Projections } from '@app/runtime/projections/projections';
import { StandardsCache } from './standards-cache';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What one request reads once and shares: the standards, today. */
export class RequestReads {
  private standards: Promise<StandardLookup> | undefined;

  constructor(
    private readonly standardsCache: StandardsCache,
    readonly today: string,
  ) {}

  standardLookup(): Promise<StandardLookup> {
    return (this.standards ??= this.standardsCache.lookup());
  }
}

/** One RequestReads per GraphQL request (keyed by its context object, dropped with it). */
@Injectable()
export class RequestReadsProvider {
  private readonly byContext = new WeakMap<object, RequestReads>();
  private readonly standards: StandardsCache;
  private day = { date: '', from: 0, to: 0 };

  constructor(
    private readonly queries: ReadModelQueries,
    @Inject(CLOCK) private readonly clock: Clock,
    projections: Projections,
  ) {
    this.standards = new StandardsCache(queries, projections.signal);
  }

  of(context: object): RequestReads {
    let reads = this.byContext.get(context);
    if (!reads) {
      reads = new RequestReads(this.standards, this.today());
      this.byContext.set(context, reads);
    }
    return reads;
  }

  /** The standards at the projections' checkpoint, for a read outside any request's RequestReads. */
  standardLookup(): Promise<StandardLookup> {
    return this.standards.lookup();
  }

  /** The same when they have been read already at this checkpoint, else undefined. */
  standardLookupNow(): StandardLookup | undefined {
    return this.standards.current();
  }

  /** The app's clock now (reads asked as of a moment check it against this). */
  now(): Date {
    return this.clock.now();
  }

  /** Today's business date, worked out again only when the clock leaves the day it was found for. */
  today(): string {
    const now = this.clock.now().getTime();
    if (now < this.day.from || now >= this.day.to) {
      const date = businessDateOf(new Date(now).toISOString());
      const from = Date.parse(startOfBusinessDay(date));
      this.day = { date, from, to: from + DAY_MS }; // China Standard Time keeps no summer time
    }
    return this.day.date;
  }
}
