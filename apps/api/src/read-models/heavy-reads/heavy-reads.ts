import { Readable } from 'node:stream';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Principal } from '@app/runtime/auth/principal';
import { APP_CONFIG, type AppConfig } from '@app/runtime/config/app-config';
import { CASE_POLICY } from '@app/runtime/config/policy';
import type { CasePolicy } from '@app/domain';
import { principalKey } from '../../auth/rate-limits';
import { Projections } from '@app/runtime/projections/projections';
import { FairQueue } from '../../auth/fair-queue';
import type { StandardOverride } from '@app/domain';
import type {
  ForecastResult,
  PaymentFileLine,
  PaymentFileSlice,
  RollSummary,
} from './roll-worker-protocol';
import type { RollPage } from './roll-pages';
import { RollWorkerClient } from './roll-worker.client';

/** Requests one principal may have waiting for the roll worker before it is told to come back. */
export const MAX_WAITING_PER_PRINCIPAL = 64;

export interface RollQuery {
  /** the region prefix */
  regionCode: string;
  month: string;
}

/**
 * Reads whose work grows with a region (the payment roll) run on a worker thread, one at a time,
 * taken in turn by principal (FairQueue): the API's event loop only passes messages and writes
 * the page, so a burst of rolls never keeps someone else's `case(id)` waiting. The roll is
 * computed once per region, month and projection checkpoint and then paged from memory; the
 * forecast runs there too.
 */
@Injectable()
export class HeavyReads implements OnApplicationShutdown {
  private readonly worker: RollWorkerClient;
  private readonly queue = new FairQueue(1, MAX_WAITING_PER_PRINCIPAL);

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly projections: Projections,
    @Inject(CASE_POLICY) policy: CasePolicy,
  ) {
    const { readModelStore, dataDir, databaseUrl } = config;
    this.worker = new RollWorkerClient({ readModelStore, dataDir, databaseUrl, policy });
  }

  /** A page of the roll's lines with its count, total and children (call after ReadConsistency.ensure). */
  async rollPage(
    principal: Principal,
    query: RollQuery,
    first: number,
    after?: string | null,
  ): Promise<RollSummary & { page: RollPage }> {
    const version = String(this.projections.signal.position);
    const result = await this.queue.run(principalKey(principal), () =>
      this.worker.ask({
        kind: 'page',
        regionCode: query.regionCode,
        month: query.month,
        version,
        first,
        after,
      }),
    );
    return result as RollSummary & { page: RollPage };
  }

  /**
   * The roll as CSV, read from the worker a slice at a time as the client takes it. The first
   * slice is read before answering, so a roll that cannot be computed is an error status, not a
   * cut-off file.
   */
  async rollCsv(principal: Principal, query: RollQuery): Promise<Readable> {
    const version = String(this.projections.signal.position);
    const slice = (chunk: number) =>
      this.queue.run(principalKey(principal), () =>
        this.worker.ask({ kind: 'csv', chunk, version, ...query }),
      ) as Promise<{ csv: string; done: boolean }>;
    let next = 0;
    let pending: { csv: string; done: boolean } | null = await slice(next++);
    return new Readable({
      read() {
        const give = (result: { csv: string; done: boolean }) => {
          this.push(result.csv);
          if (result.done) this.push(null);
        };
        if (pending) {
          give(pending);
          pending = null;
          return;
        }
        slice(next++).then(give, (error: Error) => this.destroy(error));
      },
    });
  }

  /**
   * The payment office's file a slice at a time (lines with names and ID numbers), read from the
   * worker as the caller takes them. The first slice is read before this resolves, so a roll that
   * cannot be computed is an error status, not a cut-off file.
   */
  async paymentFileSlices(
    principal: Principal,
    query: RollQuery,
  ): Promise<{ summary: RollSummary; slices: AsyncIterable<PaymentFileLine[]> }> {
    const version = String(this.projections.signal.position);
    const slice = (chunk: number) =>
      this.queue.run(principalKey(principal), () =>
        this.worker.ask({ kind: 'file', chunk, version, ...query }),
      ) as Promise<RollSummary & PaymentFileSlice>;
    const first = await slice(0);
    async function* slices() {
      let next: RollSummary & PaymentFileSlice = first;
      for (let chunk = 1; ; chunk++) {
        yield next.file;
        if (next.done) return;
        next = await slice(chunk);
      }
    }
    const { count, totalFen, children, issued } = first;
    return { summary: { count, totalFen, children, issued }, slices: slices() };
  }

  /** What the rolls of `months` months from `fromMonth` would pay, on the worker as the rolls are. */
  forecast(
    principal: Principal,
    query: { regionCode: string; fromMonth: string; months: number; overrides: StandardOverride[] },
  ): Promise<ForecastResult> {
    const version = String(this.projections.signal.position);
    const { regionCode, fromMonth, months, overrides } = query;
    return this.queue.run(principalKey(principal), () =>
      this.worker.ask({
        kind: 'forecast',
        regionCode,
        month: fromMonth,
        months,
        overrides,
        version,
      }),
    ) as Promise<ForecastResult>;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}
